"""Runs once when the engine starts: makes the wasm32 build behave like a
normal CPython for the lessons. Each patch names the failure it avoids."""

import sys
import time
import types

import _pyplay


class _HostStream:
    """sys.stdout / sys.stderr: text goes straight to the page."""

    encoding = "utf-8"
    errors = "strict"

    def __init__(self, fd, name):
        self._fd = fd
        self.name = name

    def write(self, text):
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        return _pyplay.write(self._fd, text)

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def flush(self):
        pass

    def isatty(self):
        return False

    def writable(self):
        return True

    def readable(self):
        return False

    def fileno(self):
        return self._fd


sys.stdout = sys.__stdout__ = _HostStream(1, "<stdout>")
sys.stderr = sys.__stderr__ = _HostStream(2, "<stderr>")

# wasm32 has no monotonic clock in std: these panic and kill the instance.
time.monotonic = time.perf_counter = _pyplay.monotonic
time.monotonic_ns = time.perf_counter_ns = lambda: int(_pyplay.monotonic() * 1e9)
time.time_ns = lambda: int(_pyplay.wall_time() * 1e9)


def _sleep(seconds):
    if seconds < 0:
        raise ValueError("sleep length must be non-negative")
    end = _pyplay.monotonic() + seconds
    while _pyplay.monotonic() < end:
        pass


time.sleep = _sleep  # std::thread::sleep panics on wasm32

# The native _datetime asks std for the time and panics; the pure one uses time.time().
sys.modules["_datetime"] = None

# No posix module exists without host_env; the pylib's stand-in lets `import os` work.
import _dummy_os  # noqa: E402,F401
import os  # noqa: E402

os.environ = {"HOME": "/home/user", "PATH": "/usr/bin"}
os.getenv = lambda key, default=None: os.environ.get(key, default)
os.getcwd = lambda: "/home/user"
os.getpid = lambda: 1
os.cpu_count = lambda: 1


def fresh_main():
    """A new, empty __main__ for one run; returns its globals."""
    main = types.ModuleType("__main__")
    main.__builtins__ = __builtins__
    sys.modules["__main__"] = main
    return main.__dict__
