"""The posix module of the browser build. wasm32 has none, so the stdlib's
own os.py would not load; this one gives it what it needs: the in-memory
file system of _pyplay_fs, an environment, constants and process facts.
Process calls (fork, exec, kill, ...) are absent, as on other platforms
that lack them, so the stdlib's hasattr() checks take their fallbacks."""

import _pyplay
import _pyplay_fs
from _pyplay_fs import (  # noqa: F401 - for os.py, which takes posix's names as its own
    O_APPEND, O_CLOEXEC, O_CREAT, O_DIRECTORY, O_EXCL, O_NOCTTY, O_NOFOLLOW, O_NONBLOCK,
    O_RDONLY, O_RDWR, O_TRUNC, O_WRONLY, DirEntry, access, chdir, chmod, close, fstat,
    getcwd, getcwdb, listdir, lseek, mkdir, read, remove, rename, rmdir, scandir, stat,
    stat_result, utime, write,
)
from _pyplay_fs import open_fd as open  # noqa: F401
from _pyplay_structseq import struct_seq as _struct_seq

lstat = stat  # there are no symlinks
unlink = remove
replace = rename

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
EX_OK = 0

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


def _unsupported(name):
    def call(*args, **kwargs):
        raise NotImplementedError(f"os.{name}() is not available in the browser playground")

    call.__name__ = name
    return call


# File calls only: process calls stay missing, because the stdlib tests
# hasattr(os, "fork") and similar to choose a code path.
symlink, link, readlink, chown, mkfifo, truncate, ftruncate = map(
    _unsupported, ("symlink", "link", "readlink", "chown", "mkfifo", "truncate", "ftruncate")
)

__all__ = [name for name in globals() if not name.startswith("_") and name != "reset_environ"]
