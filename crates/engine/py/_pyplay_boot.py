"""Runs once when the engine starts: makes the wasm32 build behave like a
normal CPython for the lessons. Each patch names the failure it avoids."""

import builtins
import codecs
import io
import sys
import time
import types

import _pyplay


class _HostOutput:
    """What sys.stdout, sys.stderr and their .buffer share: unbuffered
    writes to the page's stream `fd`, never a terminal."""

    closed = False

    def __init__(self, fd):
        self._fd = fd

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def flush(self):
        _pyplay.flush()

    def isatty(self):
        return False

    def writable(self):
        return True

    def readable(self):
        return False

    def seekable(self):
        return False

    def fileno(self):
        return self._fd


class _HostStream(_HostOutput):
    """sys.stdout / sys.stderr: text goes straight to the page."""

    encoding = "utf-8"
    errors = "strict"
    line_buffering = False
    newlines = None
    mode = "w"

    def __init__(self, fd, name):
        super().__init__(fd)
        self.name = name
        self.buffer = _HostBuffer(fd)

    def write(self, text):
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        written = _pyplay.write(self._fd, text)
        if written is None:
            text.encode(self.encoding)  # a lone surrogate: CPython's UnicodeEncodeError
        return written

    def reconfigure(self, *, encoding=None, errors=None, newline=None, line_buffering=None, write_through=None):
        pass  # always UTF-8 and unbuffered; contest code asks for that anyway


class _HostBuffer(_HostOutput):
    """sys.stdout.buffer / sys.stderr.buffer: bytes shown as UTF-8 text,
    invalid bytes replaced; a character split across writes is joined."""

    mode = "wb"

    def __init__(self, fd):
        super().__init__(fd)
        self.name = "<stdout>" if fd == 1 else "<stderr>"
        self._decoder = codecs.getincrementaldecoder("utf-8")("replace")

    def write(self, data):
        if isinstance(data, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        data = memoryview(data).cast("B")
        text = self._decoder.decode(data)
        if text:
            _pyplay.write(self._fd, text)
        return len(data)


# The same answer on native test builds and in the browser; "emscripten" is
# what Pyodide reports, and the stdlib then skips fork/exec and similar.
sys.platform = "emscripten"
sys.argv = ["main.py"]

class _HostStdin(io.TextIOBase):
    """sys.stdin: the text the reader typed into the stdin box before the
    run, then (for readline and input) lines the host asks the reader for,
    if it can. What a program reads is echoed (fd 0), as a terminal shows it."""

    encoding = "utf-8"
    name = "<stdin>"

    def __init__(self, text):
        self._text = text
        self._pos = 0
        self._buffer = _HostStdinBuffer(self)
        # The host could not ask the reader for a line (pdb says what it needs).
        self.host_cannot_ask = False

    @property
    def buffer(self):
        return self._buffer

    def _take(self, end):
        chunk = self._text[self._pos:end]
        self._pos += len(chunk)
        if chunk:
            # A terminal moves to a new line after the last typed line too.
            ends_line = chunk.endswith("\n") or self._pos < len(self._text)
            _pyplay.write(0, chunk if ends_line else chunk + "\n")
        return chunk

    def read(self, size=-1):
        if size is None or size < 0:
            return self._take(len(self._text))
        return self._take(self._pos + size)

    def readline(self, size=-1):
        if self._pos >= len(self._text):
            line = _pyplay.read_line()  # None: the host cannot ask, so end of file
            self.host_cannot_ask = line is None
            if line:
                self._text += line if line.endswith("\n") else line + "\n"
        end = self._text.find("\n", self._pos)
        end = len(self._text) if end < 0 else end + 1
        if size is not None and size >= 0:
            end = min(end, self._pos + size)
        return self._take(end)

    def readable(self):
        return True

    def isatty(self):
        return False

    def fileno(self):
        return 0


class _HostStdinBuffer:
    """sys.stdin.buffer: what sys.stdin reads, as UTF-8 bytes."""

    name = "<stdin>"
    closed = False
    mode = "rb"

    def __init__(self, text):
        self._text = text

    def read(self, size=-1):
        return self._text.read(size).encode()

    def readline(self, size=-1):
        return self._text.readline(size).encode()

    def readlines(self, hint=-1):
        return [line.encode() for line in self._text.readlines(hint)]

    def __iter__(self):
        return iter(self.readline, b"")

    def readable(self):
        return True

    def writable(self):
        return False

    def isatty(self):
        return False

    def fileno(self):
        return 0


_STDOUT = sys.stdout = sys.__stdout__ = _HostStream(1, "<stdout>")
_STDERR = sys.stderr = sys.__stderr__ = _HostStream(2, "<stderr>")
sys.stdin = sys.__stdin__ = _HostStdin("")

# wasm32 has no monotonic clock in std: these panic and kill the instance.
time.monotonic = time.perf_counter = _pyplay.monotonic
time.monotonic_ns = time.perf_counter_ns = lambda: int(_pyplay.monotonic() * 1e9)
time.time_ns = lambda: int(_pyplay.wall_time() * 1e9)

# wasm32 has no CPU-time clock: these count wall time instead.
time.process_time = time.thread_time = _pyplay.monotonic
time.process_time_ns = time.thread_time_ns = time.monotonic_ns


def _clock_info(name):
    if name not in ("time", "monotonic", "perf_counter", "process_time", "thread_time"):
        raise ValueError("unknown clock")
    return types.SimpleNamespace(
        implementation="Date.now()" if name == "time" else "performance.now()",
        monotonic=name != "time",
        adjustable=name == "time",
        resolution=1e-06,
    )


time.get_clock_info = _clock_info  # missing on wasm32; asyncio asks for it

# wasm32's gmtime/localtime count weekdays from Sunday (JavaScript's getDay);
# Python counts from Monday. 1970-01-01 was a Thursday: tm_wday 3.
if time.gmtime(0).tm_wday != 3:

    def _monday_first(convert):
        def wrapper(*args):
            t = convert(*args)
            fields = list(t)
            fields[6] = (fields[6] + 6) % 7
            return time.struct_time(fields + [t.tm_zone, t.tm_gmtoff])

        wrapper.__name__ = convert.__name__
        return wrapper

    time.gmtime = _monday_first(time.gmtime)
    time.localtime = _monday_first(time.localtime)

# The wasm32 time module has no zone data; the page's clock is read as UTC.
if not hasattr(time, "tzname"):
    time.tzname, time.timezone, time.altzone, time.daylight = ("UTC", "UTC"), 0, 0, 0


def _sleep(seconds):
    if seconds != seconds:
        raise ValueError("Invalid value NaN (not a number)")
    if seconds < 0:
        raise ValueError("sleep length must be non-negative")
    _pyplay.sleep(seconds)


time.sleep = _sleep  # std::thread::sleep panics on wasm32

# The native _datetime asks std for the time and panics: it is refused at
# import (_UNAVAILABLE), and datetime falls back to _pydatetime, which uses time.time().

# wasm32's errno module only has a few codes; fill in Linux's for the rest.
import errno  # noqa: E402

for _name, _code in {
    "EPERM": 1, "ENOENT": 2, "ESRCH": 3, "EINTR": 4, "EIO": 5, "ENXIO": 6, "E2BIG": 7,
    "ENOEXEC": 8, "EBADF": 9, "ECHILD": 10, "EAGAIN": 11, "EWOULDBLOCK": 11, "ENOMEM": 12,
    "EACCES": 13, "EFAULT": 14, "EBUSY": 16, "EEXIST": 17, "EXDEV": 18, "ENODEV": 19,
    "ENOTDIR": 20, "EISDIR": 21, "EINVAL": 22, "ENFILE": 23, "EMFILE": 24, "ENOTTY": 25,
    "EFBIG": 27, "ENOSPC": 28, "ESPIPE": 29, "EROFS": 30, "EMLINK": 31, "EPIPE": 32,
    "EDOM": 33, "ERANGE": 34, "EDEADLK": 35, "ENAMETOOLONG": 36, "ENOSYS": 38,
    "ENOTEMPTY": 39, "ELOOP": 40, "ENOTSOCK": 88, "EOPNOTSUPP": 95, "ENOTSUP": 95,
    "EADDRINUSE": 98, "EADDRNOTAVAIL": 99, "ENETUNREACH": 101, "ECONNABORTED": 103,
    "ECONNRESET": 104, "EISCONN": 106, "ENOTCONN": 107, "ESHUTDOWN": 108, "ETIMEDOUT": 110,
    "ECONNREFUSED": 111, "EHOSTUNREACH": 113, "EALREADY": 114, "EINPROGRESS": 115,
}.items():
    if not hasattr(errno, _name):
        setattr(errno, _name, _code)
        errno.errorcode.setdefault(_code, _name)

# wasm32 has no posix module, and without one os.py refuses to load. Ours
# (py/posix.py) is frozen, not built in, so os.py must be told it exists.
sys.builtin_module_names = (*sys.builtin_module_names, "posix")
import os  # noqa: E402
import posix  # noqa: E402

import _pyplay_exit  # noqa: E402, F401 - loaded now: a run's end must not import with its builtins
import _pyplay_fs  # noqa: E402

builtins.open = io.open = _pyplay_fs.open


# --- Patches applied right after a module's first import -------------------


def _patch_threading(threading):
    # Thread.start() runs the target to completion (there is one thread), so a
    # wait that is not already satisfied can never be woken: say so instead
    # of spinning forever.
    def wait(self, timeout=None):
        if not self._is_owned():
            raise RuntimeError("cannot wait on un-acquired lock")
        if timeout is None:
            raise RuntimeError(
                "this wait would block forever: in the browser playground threads "
                "run one after another, so no other thread can wake it up"
            )
        if timeout > 0:
            time.sleep(timeout)
        return False

    threading.Condition.wait = wait


def _patch_futures_thread(module):
    from concurrent.futures import _base

    class ThreadPoolExecutor(_base.Executor):
        """Runs each task to completion inside submit(): the browser gives
        Python one thread, so tasks run one after another, in submit order."""

        def __init__(self, max_workers=None, thread_name_prefix="", initializer=None, initargs=()):
            if max_workers is not None and max_workers <= 0:
                raise ValueError("max_workers must be greater than 0")
            if initializer is not None and not callable(initializer):
                raise TypeError("initializer must be a callable")
            self._max_workers = max_workers or 1
            self._initializer = (initializer, initargs) if initializer else None
            self._shutdown = False

        def submit(self, fn, /, *args, **kwargs):
            if self._shutdown:
                raise RuntimeError("cannot schedule new futures after shutdown")
            if self._initializer:
                init, initargs = self._initializer
                self._initializer = None
                init(*initargs)
            future = _base.Future()
            future.set_running_or_notify_cancel()
            try:
                result = fn(*args, **kwargs)
            except BaseException as exc:
                future.set_exception(exc)
            else:
                future.set_result(result)
            return future

        def shutdown(self, wait=True, *, cancel_futures=False):
            self._shutdown = True

    module.ThreadPoolExecutor = ThreadPoolExecutor


def _patch_asyncio(asyncio):
    class _Timer:
        """Stands in for the selector: with no I/O to wait on, waiting for
        events is just sleeping until the next timer is due."""

        def select(self, timeout=None):
            if timeout is None:
                raise RuntimeError(
                    "the event loop would wait forever: nothing is scheduled and "
                    "in the browser no thread or I/O can wake it up"
                )
            if timeout > 0:
                time.sleep(timeout)
            return []

        def close(self):
            pass

    class BrowserEventLoop(asyncio.BaseEventLoop):
        """A single-threaded loop: timers and callbacks, no sockets."""

        def __init__(self):
            super().__init__()
            self._selector = _Timer()

        def _process_events(self, event_list):
            pass

        def _write_to_self(self):
            pass

    asyncio.BrowserEventLoop = BrowserEventLoop
    asyncio.SelectorEventLoop = BrowserEventLoop
    asyncio.DefaultEventLoopPolicy._loop_factory = BrowserEventLoop


def _patch_pdb(pdb):
    # At end of input pdb quits with BdbQuit. When that is only because the
    # page cannot ask the reader for commands yet, say so and let the run go on.
    end_of_input = pdb.Pdb.do_EOF

    def do_EOF(self, arg):
        if not getattr(sys.stdin, "host_cannot_ask", False):
            return end_of_input(self, arg)
        self.message(
            "\n*** pdb needs to ask for commands, and this page cannot ask yet (its "
            "service worker is not running). Type the commands (n, s, p x, c, ...) "
            "in the stdin box before Run, or reload the page. Continuing."
        )
        return self.do_continue(arg)

    pdb.Pdb.do_EOF = do_EOF


_PATCHES = {
    "asyncio": _patch_asyncio,
    "pdb": _patch_pdb,
    "threading": _patch_threading,
    "concurrent.futures.thread": _patch_futures_thread,
}


# Each module's globals as first imported (and patched): a run's monkey
# patches are undone before the next run (see fresh_main). Noted when the
# outermost import statement ends, since a module may set up another
# (warnings configures _py_warnings) or replace itself (decimal).
_FIRST_STATE = {}  # name -> (module, globals)
_importing = []  # names loaded by the import statement in progress
# Their state is reset by their own code, or must live on across runs.
_OWN_RESET = {"__main__", "sys", "builtins", __name__, "_pyplay_fs", "posix"}


class _PatchAfterImport:
    """A meta path finder that lets the real finder load a module, then
    applies its patch, if any, and notes its first state."""

    def find_spec(self, name, path=None, target=None):
        for finder in sys.meta_path:
            if finder is self or not hasattr(finder, "find_spec"):
                continue
            spec = finder.find_spec(name, path, target)
            if spec is not None:
                if spec.loader is not None:
                    spec.loader = _PatchingLoader(spec.loader, _PATCHES.get(name))
                return spec
        return None


class _PatchingLoader:
    def __init__(self, loader, patch):
        self._loader = loader
        self._patch = patch

    def create_module(self, spec):
        return self._loader.create_module(spec)

    def exec_module(self, module):
        outermost = not _importing
        _importing.append(module.__spec__.name)
        try:
            self._loader.exec_module(module)
            if self._patch is not None:
                self._patch(module)
        finally:
            if outermost:
                _note_first_state(_importing)
                _importing.clear()

    def __getattr__(self, name):
        # get_source, is_package, get_code...: inspect, pkgutil and runpy ask the loader.
        return getattr(self._loader, name)


def _note_first_state(names):
    for name in names:
        module = sys.modules.get(name)
        if module is not None and name not in _OWN_RESET:
            _FIRST_STATE[name] = (module, dict(module.__dict__))
    # A module becomes an attribute of its package once loaded: part of the
    # package's first state too, if that was noted by an earlier import
    # (`import email.mime.text` notes `email` before `email.policy` loads).
    # A package noted now has its own dict right, which may rebind the name
    # (unittest binds its function main over its submodule main).
    for name in names:
        parent, _, child = name.rpartition(".")
        if parent in _FIRST_STATE and parent not in names and name in sys.modules:
            _FIRST_STATE[parent][1][child] = sys.modules[name]


def _restore_modules():
    """Puts every module's globals back as they were first imported."""
    for name, (module, first) in _FIRST_STATE.items():
        if sys.modules.get(name) is not module:
            continue
        now = module.__dict__
        if len(now) == len(first) and all(now.get(k, now) is v for k, v in first.items()):
            continue
        now.clear()
        now.update(first)


# Modules that cannot work in a page fail at import with one plain message.
# (socket, select and subprocess stay importable because asyncio needs them;
# their calls raise OSError naming the browser instead.)
_UNAVAILABLE = {
    "multiprocessing": "a web page cannot start processes",
    "sqlite3": "the SQLite library is not part of this build",
    "ssl": "a web page cannot open network connections",
    "tkinter": "a web page has no desktop windows",
    "curses": "a web page has no terminal",
    "pty": "a web page has no terminal",
    "tty": "a web page has no terminal",
    "termios": "a web page has no terminal",
    "ctypes": "a web page cannot load C libraries",
    "tracemalloc": "RustPython does not trace its memory allocations",
    # Native accelerators that need the OS clock; the pure-Python modules
    # `datetime` and `zoneinfo` fall back to work without them.
    "_datetime": "use datetime, which works without this native part",
    "_zoneinfo": "use zoneinfo, which works without this native part",
    # Left out of the frozen stdlib (DROPPED in build.rs).
    "turtle": "a web page has no desktop windows",
    "turtledemo": "a web page has no desktop windows",
    "idlelib": "a web page has no desktop windows",
    "ensurepip": "a web page cannot install packages",
    "venv": "a web page cannot install packages",
}


class _BlockUnavailable:
    def find_spec(self, name, path=None, target=None):
        why = _UNAVAILABLE.get(name.partition(".")[0])
        if why is not None:
            raise ModuleNotFoundError(
                f"No module named '{name}' in the browser playground: {why}", name=name
            )
        return None


class _StdlibPacks:
    """The standard library beyond the modules built into the engine: a
    module's pack is fetched from the site on its first import (see
    crates/stdlib), then it loads as a frozen module does."""

    def find_spec(self, name, path=None, target=None):
        package = _pyplay.stdlib_module(name)
        if package is None:
            return None
        return _ModuleSpec(name, self, origin="frozen", is_package=package)

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        exec(_pyplay.stdlib_code(module.__spec__.name), module.__dict__)


from _frozen_importlib import ModuleSpec as _ModuleSpec  # noqa: E402

class _SysconfigData:
    """sysconfig, and so pydoc and help(), reads the build's settings from a
    module named after the platform; a page has no such build, so this
    answers with the few settings that mean something here."""

    def find_spec(self, name, path=None, target=None):
        if name.startswith("_sysconfigdata_"):
            return _ModuleSpec(name, self, origin="pyplay")
        return None

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        module.build_time_vars = {"prefix": sys.prefix, "exec_prefix": sys.exec_prefix, "EXT_SUFFIX": ".so"}


sys.meta_path.append(_StdlibPacks())
sys.meta_path.append(_SysconfigData())
sys.meta_path.insert(0, _PatchAfterImport())
sys.meta_path.insert(0, _BlockUnavailable())


_BUILTINS = dict(builtins.__dict__)
_note_first_state(list(sys.modules))
_RECURSION_LIMIT = sys.getrecursionlimit()
_PATH = list(sys.path)


_session = None  # the __main__ of the last run that kept its globals


def fresh_main(stdin="", keep_globals=False):
    """A new, empty __main__ for one run; returns its globals. First undoes
    what an earlier run changed in state every run shares (see README.md).
    With keep_globals, the session's __main__ goes on, as in a REPL, if no
    other run replaced it; only stdin is new."""
    global _session
    if keep_globals and _session is not None and sys.modules.get("__main__") is _session:
        sys.stdin = sys.__stdin__ = _HostStdin(stdin)
        return _session.__dict__
    builtins.__dict__.clear()
    builtins.__dict__.update(_BUILTINS)
    _restore_modules()
    sys.setrecursionlimit(_RECURSION_LIMIT)
    sys.stdout, sys.stderr = sys.__stdout__, sys.__stderr__ = _STDOUT, _STDERR
    _STDOUT.buffer, _STDERR.buffer = _HostBuffer(1), _HostBuffer(2)  # no half character carried over
    sys.stdin = sys.__stdin__ = _HostStdin(stdin)
    sys.path[:] = _PATH
    posix.reset_environ()
    _pyplay_fs.reset()
    main = types.ModuleType("__main__")
    main.__builtins__ = __builtins__
    sys.modules["__main__"] = main
    _session = main if keep_globals else None
    return main.__dict__


def format_exception(exc, source):
    """CPython's traceback text, with the user's source lines shown."""
    import linecache
    import traceback

    lines = source.splitlines(True)
    linecache.cache["main.py"] = (len(source), None, lines, "main.py")
    try:
        report = traceback.TracebackException.from_exception(exc)
        _hide_machinery(report, traceback.StackSummary, set())
        return "".join(report.format())
    finally:
        linecache.cache.pop("main.py", None)


def _hide_machinery(report, summary, seen):
    """Drops import-system and playground frames, as CPython hides importlib's."""
    if report is None or id(report) in seen:
        return
    seen.add(id(report))
    kept = [f for f in report.stack if not f.filename.startswith(("<frozen importlib", "_pyplay_boot"))]
    report.stack = summary.from_list(kept)
    _hide_machinery(report.__cause__, summary, seen)
    _hide_machinery(report.__context__, summary, seen)
