"""An in-memory file system: what os, os.path, open() and pathlib need for
lessons that create, list, read and walk files. The browser gives a page no
disk, so every run starts from the same small tree (see reset(), which
_pyplay_reset.fresh_main calls before each run).

The tree, the working directory and the open descriptors are this module's
globals. posix imports the file calls below (stat, listdir, open_fd as
open, ...) for os.py; open is builtins.open."""

import errno
import io
import stat as _stat

import _pyplay
from _pyplay_structseq import struct_seq

HOME = "/home/user"


class _Dir:
    def __init__(self):
        self.children = {}
        self.mtime = _pyplay.wall_time()


class _File:
    def __init__(self, data=b""):
        self.data = bytearray(data)
        self.mtime = _pyplay.wall_time()


class _Null(_File):
    """/dev/null: reads are empty, writes vanish."""

    @property
    def data(self):
        return bytearray()

    @data.setter
    def data(self, _):
        pass


_root = _Dir()
_cwd = HOME
_fds = {}  # fd -> [node, position, flags]
_inodes = {}


def reset():
    """Back to the starting tree: /home/user (the cwd), /tmp, /dev/null."""
    global _root, _cwd
    _root = _Dir()
    for folder in ("/home", HOME, "/tmp", "/dev"):
        _parent_of(folder)[1].children[folder.rsplit("/", 1)[1]] = _Dir()
    _root.children["dev"].children["null"] = _Null()
    _cwd = HOME
    _fds.clear()
    _inodes.clear()


def _error(cls, code, path):
    return cls(code, _strerror(code), path)


def _strerror(code):
    return {
        errno.ENOENT: "No such file or directory",
        errno.EEXIST: "File exists",
        errno.ENOTDIR: "Not a directory",
        errno.EISDIR: "Is a directory",
        errno.ENOTEMPTY: "Directory not empty",
        errno.EBADF: "Bad file descriptor",
        errno.EINVAL: "Invalid argument",
        errno.EACCES: "Permission denied",
    }.get(code, "Input/output error")


def _path_arg(path):
    if isinstance(path, int):
        raise NotImplementedError("file descriptors as paths are not supported in the browser playground")
    path = _fspath(path)
    if isinstance(path, bytes):
        path = path.decode()
    return path


def _fspath(path):
    if isinstance(path, (str, bytes)):
        return path
    fspath = getattr(type(path), "__fspath__", None)
    if fspath is None:
        raise TypeError(f"expected str, bytes or os.PathLike object, not {type(path).__name__}")
    return fspath(path)


def _parts(path):
    """The absolute, normalised components of `path`."""
    if not path.startswith("/"):
        path = _cwd + "/" + path
    parts = []
    for part in path.split("/"):
        if part in ("", "."):
            continue
        if part == "..":
            if parts:
                parts.pop()
        else:
            parts.append(part)
    return parts


def _lookup(path, original=None):
    node = _root
    for part in _parts(path):
        if not isinstance(node, _Dir):
            raise _error(NotADirectoryError, errno.ENOTDIR, original or path)
        node = node.children.get(part)
        if node is None:
            raise _error(FileNotFoundError, errno.ENOENT, original or path)
    return node


def _parent_of(path):
    """(name, parent directory) for creating or removing `path`."""
    parts = _parts(path)
    if not parts:
        raise _error(FileExistsError, errno.EEXIST, path)
    parent = _lookup("/" + "/".join(parts[:-1]), path)
    if not isinstance(parent, _Dir):
        raise _error(NotADirectoryError, errno.ENOTDIR, path)
    return parts[-1], parent


def _entry(path):
    """(name, parent directory, node) of an existing `path`."""
    name, parent = _parent_of(path)
    node = parent.children.get(name)
    if node is None:
        raise _error(FileNotFoundError, errno.ENOENT, path)
    return name, parent, node


def _directory(path):
    node = _lookup(path)
    if not isinstance(node, _Dir):
        raise _error(NotADirectoryError, errno.ENOTDIR, path)
    return node


def _ino(node):
    return _inodes.setdefault(id(node), len(_inodes) + 1)


def _fd(fd):
    try:
        return _fds[fd]
    except KeyError:
        raise OSError(errno.EBADF, _strerror(errno.EBADF)) from None


def _open_node(path, create, exclusive, truncate, writing):
    try:
        node = _lookup(path)
    except FileNotFoundError:
        if not create:
            raise
        name, parent = _parent_of(path)
        node = parent.children[name] = _File()
        return node
    if isinstance(node, _Dir):
        raise _error(IsADirectoryError, errno.EISDIR, path)
    if create and exclusive:
        raise _error(FileExistsError, errno.EEXIST, path)
    if truncate:
        node.data = bytearray()
        node.mtime = _pyplay.wall_time()
    return node


# --- What os (through posix) gets: the file calls and their types --------

# Linux's values, for code that builds flags before calling os.open.
O_RDONLY, O_WRONLY, O_RDWR, O_CREAT, O_EXCL = 0, 1, 2, 0o100, 0o200
O_NOCTTY, O_TRUNC, O_APPEND, O_NONBLOCK = 0o400, 0o1000, 0o2000, 0o4000
O_DIRECTORY, O_NOFOLLOW, O_CLOEXEC = 0o200000, 0o400000, 0o2000000

stat_result = struct_seq("stat_result", (
    "st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid",
    "st_size", "st_atime", "st_mtime", "st_ctime"))


def _stat_of(node):
    if isinstance(node, _Dir):
        mode, size = _stat.S_IFDIR | 0o755, 4096
    else:
        mode, size = _stat.S_IFREG | 0o644, len(node.data)
    mtime = node.mtime
    return stat_result((mode, _ino(node), 1, 1, 1000, 1000, size, mtime, mtime, mtime))


def stat(path, *, dir_fd=None, follow_symlinks=True):
    if isinstance(path, int):
        return fstat(path)
    path = _path_arg(path)
    return _stat_of(_lookup(path))


def fstat(fd):
    return _stat_of(_fd(fd)[0])


def listdir(path="."):
    return list(_directory(_path_arg(path)).children)


def scandir(path="."):
    given = _path_arg(path)
    node = _directory(given)
    return _ScandirIterator(
        [DirEntry(name, given + name if given.endswith("/") else f"{given}/{name}", child)
         for name, child in node.children.items()]
    )


class DirEntry:
    """One result of os.scandir()."""

    def __init__(self, name, path, node):
        self.name, self.path, self._node = name, path, node

    def is_dir(self, *, follow_symlinks=True):
        return isinstance(self._node, _Dir)

    def is_file(self, *, follow_symlinks=True):
        return isinstance(self._node, _File)

    def is_symlink(self):
        return False

    def is_junction(self):
        return False

    def stat(self, *, follow_symlinks=True):
        return _stat_of(self._node)

    def inode(self):
        return _ino(self._node)

    def __fspath__(self):
        return self.path

    def __repr__(self):
        return f"<DirEntry {self.name!r}>"


class _ScandirIterator:
    def __init__(self, entries):
        self._entries = iter(entries)

    def __iter__(self):
        return self

    def __next__(self):
        return next(self._entries)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self):
        self._entries = iter(())


def mkdir(path, mode=0o777, *, dir_fd=None):
    path = _path_arg(path)
    name, parent = _parent_of(path)
    if name in parent.children:
        raise _error(FileExistsError, errno.EEXIST, path)
    parent.children[name] = _Dir()
    parent.mtime = _pyplay.wall_time()


def rmdir(path, *, dir_fd=None):
    path = _path_arg(path)
    name, parent, node = _entry(path)
    if not isinstance(node, _Dir):
        raise _error(NotADirectoryError, errno.ENOTDIR, path)
    if node.children:
        raise _error(OSError, errno.ENOTEMPTY, path)
    del parent.children[name]


def remove(path, *, dir_fd=None):
    path = _path_arg(path)
    name, parent, node = _entry(path)
    if isinstance(node, _Dir):
        raise _error(IsADirectoryError, errno.EISDIR, path)
    del parent.children[name]


def rename(src, dst, *, src_dir_fd=None, dst_dir_fd=None):
    src, dst = _path_arg(src), _path_arg(dst)
    name, parent, node = _entry(src)
    new_name, new_parent = _parent_of(dst)
    existing = new_parent.children.get(new_name)
    if isinstance(existing, _Dir):
        if not isinstance(node, _Dir):
            raise _error(IsADirectoryError, errno.EISDIR, dst)
        if existing.children:
            raise _error(OSError, errno.ENOTEMPTY, dst)
    del parent.children[name]
    new_parent.children[new_name] = node


def chdir(path):
    global _cwd
    path = _path_arg(path)
    _directory(path)
    _cwd = "/" + "/".join(_parts(path))


def getcwd():
    return _cwd


def getcwdb():
    return _cwd.encode()


def access(path, mode, *, dir_fd=None, effective_ids=False, follow_symlinks=True):
    try:
        _lookup(_path_arg(path))
    except OSError:
        return False
    return True


def utime(path, times=None, *, ns=None, dir_fd=None, follow_symlinks=True):
    node = _lookup(_path_arg(path))
    node.mtime = times[1] if times else _pyplay.wall_time()


def chmod(path, mode, *, dir_fd=None, follow_symlinks=True):
    _lookup(_path_arg(path))  # permissions are not modelled


def open_fd(path, flags, mode=0o777, *, dir_fd=None):
    """os.open (this module's open is builtins.open)."""
    path = _path_arg(path)
    node = _open_node(path, flags & O_CREAT, flags & O_EXCL, flags & O_TRUNC, (flags & 3) != O_RDONLY)
    fd = max(_fds, default=2) + 1
    _fds[fd] = [node, len(node.data) if flags & O_APPEND else 0, flags]
    return fd


def read(fd, n):
    entry = _fd(fd)
    node, pos = entry[0], entry[1]
    chunk = bytes(node.data[pos:pos + n])
    entry[1] += len(chunk)
    return chunk


def write(fd, data):
    entry = _fd(fd)
    if fd in (1, 2):
        return len(data)
    node, pos = entry[0], entry[1]
    node.data[pos:pos + len(data)] = data
    node.mtime = _pyplay.wall_time()
    entry[1] += len(data)
    return len(data)


def close(fd):
    _fd(fd)
    del _fds[fd]


def lseek(fd, pos, how):
    entry = _fd(fd)
    base = (0, entry[1], len(entry[0].data))[how]
    entry[1] = max(0, base + pos)
    return entry[1]


# --- builtins.open ----------------------------------------------------------


class _FileBuffer(io.BytesIO):
    """A binary file: a BytesIO whose contents go back to the tree on flush."""

    def __init__(self, node, name, mode, readable, writable, append, fd=None):
        super().__init__(bytes(node.data))
        self._fd = fd  # closed with the file, as closefd=True asks
        self._node, self.name, self.mode = node, name, mode
        self._readable, self._writable, self._append = readable, writable, append
        if append:
            self.seek(0, 2)

    def readable(self):
        return self._readable and not self.closed

    def writable(self):
        return self._writable and not self.closed

    def read(self, size=-1):
        if not self._readable:
            raise io.UnsupportedOperation("read")
        return super().read(size)

    def readline(self, size=-1):
        if not self._readable:
            raise io.UnsupportedOperation("read")
        return super().readline(size)

    def write(self, data):
        if not self._writable:
            raise io.UnsupportedOperation("write")
        if self._append:
            self.seek(0, 2)
        return super().write(data)

    def flush(self):
        if self._writable and not self.closed:
            self._node.data = bytearray(self.getvalue())
            self._node.mtime = _pyplay.wall_time()

    def close(self):
        if not self.closed:
            self.flush()
            _fds.pop(self._fd, None)
        super().close()


def open(file, mode="r", buffering=-1, encoding=None, errors=None, newline=None, closefd=True, opener=None):
    """builtins.open over the in-memory tree."""
    if not isinstance(mode, str):
        raise TypeError(f"open() argument 'mode' must be str, not {type(mode).__name__}")
    kinds = set(mode)
    if len(kinds) != len(mode) or not kinds <= set("rwxab+t") or len(kinds & set("rwxa")) != 1:
        raise ValueError(f"invalid mode: '{mode}'")
    binary = "b" in kinds
    if binary and "t" in kinds:
        raise ValueError("can't have text and binary mode at once")
    if binary and encoding is not None:
        raise ValueError("binary mode doesn't take an encoding argument")
    plus = "+" in kinds
    readable = "r" in kinds or plus
    writable = bool(kinds & set("wxa")) or plus
    if opener is not None:
        # As io.open does: the opener turns the path and flags into a descriptor.
        flags = O_RDWR if plus else O_WRONLY if writable else O_RDONLY
        flags |= (O_CREAT if kinds & set("wxa") else 0) | (O_EXCL if "x" in kinds else 0)
        flags |= O_TRUNC if "w" in kinds else 0
        name, file = file, opener(file, flags | (O_APPEND if "a" in kinds else 0))
    fd = None
    if isinstance(file, int):
        node = _fd(file)[0]
        fd = file if closefd else None
        name = file if opener is None else name
    else:
        name = file
        path = _path_arg(file)
        node = _open_node(path, bool(kinds & set("wxa")), "x" in kinds, "w" in kinds, writable)
    raw_mode = mode.replace("t", "")
    buffer = _FileBuffer(node, name, raw_mode if binary else raw_mode.replace("b", "") + "b",
                         readable, writable, "a" in kinds, fd)
    if binary:
        return buffer
    text = io.TextIOWrapper(buffer, encoding=encoding or "utf-8", errors=errors, newline=newline,
                            write_through=True)
    try:
        text.mode = mode.replace("b", "")
    except AttributeError:
        pass
    return text


reset()
