"""The posix module of the browser build. wasm32 has none, so the stdlib's
own os.py would not load; this one gives it what it needs: the in-memory
file system of _pyplay_fs, an environment, constants and process facts.
Process calls (fork, exec, kill, ...) are absent, as on other platforms
that lack them, so the stdlib's hasattr() checks take their fallbacks."""

import sys

import _pyplay
import _pyplay_fs

_DEFAULT_ENVIRON = {
    b"HOME": _pyplay_fs.HOME.encode(),
    b"USER": b"user",
    b"PATH": b"/usr/local/bin:/usr/bin:/bin",
    b"LANG": b"C.UTF-8",
}
# os.environ wraps this dict; fresh runs restore it with reset_environ().
environ = dict(_DEFAULT_ENVIRON)


def reset_environ():
    environ.clear()
    environ.update(_DEFAULT_ENVIRON)


def putenv(key, value):
    pass  # no child processes to pass it to; os.environ keeps the value


def unsetenv(key):
    pass


# os.py builds supports_dir_fd and friends from this: no *at() variants here.
_have_functions = []

error = OSError
F_OK, R_OK, W_OK, X_OK = 0, 4, 2, 1
# Linux's values, for code that builds flags before calling os.open.
O_RDONLY, O_WRONLY, O_RDWR, O_CREAT, O_EXCL = 0, 1, 2, 0o100, 0o200
O_NOCTTY, O_TRUNC, O_APPEND, O_NONBLOCK = 0o400, 0o1000, 0o2000, 0o4000
O_DIRECTORY, O_NOFOLLOW, O_CLOEXEC = 0o200000, 0o400000, 0o2000000
EX_OK = 0


def _struct_seq(name, fields):
    """A tuple with named fields, like CPython's structseq types."""

    def __new__(cls, seq, dict=None):
        return tuple.__new__(cls, seq)

    namespace = {"__new__": __new__, "n_fields": len(fields), "n_sequence_fields": len(fields)}
    for index, field in enumerate(fields):
        namespace[field] = property(lambda self, i=index: self[i])
    namespace["__repr__"] = lambda self: f"os.{name}(" + ", ".join(
        f"{f}={v!r}" for f, v in zip(fields, self)) + ")"
    namespace["__module__"] = "os"
    return type(name, (tuple,), namespace)


stat_result = _struct_seq("stat_result", (
    "st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid",
    "st_size", "st_atime", "st_mtime", "st_ctime"))
terminal_size = _struct_seq("terminal_size", ("columns", "lines"))
uname_result = _struct_seq("uname_result", ("sysname", "nodename", "release", "version", "machine"))
times_result = _struct_seq("times_result", ("user", "system", "children_user", "children_system", "elapsed"))


def get_terminal_size(fd=1):
    return terminal_size((80, 24))


def uname():
    return uname_result(("Emscripten", "localhost", "4.0", "#1", "wasm32"))


def times():
    now = _pyplay.monotonic()
    return times_result((now, 0.0, 0.0, 0.0, now))


def getpid():
    return 42


def getppid():
    return 1


def getuid():
    return 1000


getgid = geteuid = getegid = getuid


def getlogin():
    return "user"


def cpu_count():
    return 1


def umask(mask):
    return 0o022


def isatty(fd):
    return False


def device_encoding(fd):
    return None


def strerror(code):
    import errno

    return _pyplay_fs._strerror(code) if code in errno.errorcode else f"Unknown error {code}"


def urandom(size):
    return bytes(_pyplay.urandom(size))


def abort():
    _pyplay.flush()  # unlike CPython, keep what was printed: it explains the crash
    _pyplay.abort()


def _exit(status):
    import _pyplay_exit

    _pyplay_exit.exit_now(status)


def _emscripten_log(line):
    pass  # _pyrepl.trace imports it on emscripten; its trace is off unless PYREPL_TRACE is set


_pyplay_fs.install(sys.modules[__name__])
__all__ = [name for name in globals() if not name.startswith("_") and name not in ("sys", "reset_environ")]
