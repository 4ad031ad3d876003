"""What a program learns about its operating system: the platform name,
argv, errno's codes, the stdlib's own os.py (on our posix), and open() on
the in-memory file system."""

import builtins
import errno
import io
import sys

# wasm32's errno module only has a few codes; Linux's fill in the rest.
_LINUX_ERRNO = {
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
}


def install():
    # The same answer on native test builds and in the browser; "emscripten" is
    # what Pyodide reports, and the stdlib then skips fork/exec and similar.
    sys.platform = "emscripten"
    sys.argv = ["main.py"]

    for name, code in _LINUX_ERRNO.items():
        if not hasattr(errno, name):
            setattr(errno, name, code)
            errno.errorcode.setdefault(code, name)

    # wasm32 has no posix module, and without one os.py refuses to load. Ours
    # (py/posix.py) is frozen, not built in, so os.py must be told it exists
    # before its first import.
    sys.builtin_module_names = (*sys.builtin_module_names, "posix")
    import os  # noqa: F401 - its first import, on our posix
    import _pyplay_fs

    builtins.open = io.open = _pyplay_fs.open
