"""The import system's additions, as meta path finders: modules that cannot
work in a page are refused with one message, the stdlib beyond the built-in
core is fetched in packs, sysconfig gets its build data, and every module's
first import is patched (_pyplay_patches) and noted (_pyplay_reset)."""

import codecs
import sys
from _frozen_importlib import ModuleSpec

import _pyplay
import _pyplay_patches
import _pyplay_reset

# Modules that cannot work in a page fail at import with one plain message.
# (socket, select and subprocess stay importable because asyncio needs them;
# their calls raise OSError naming the browser instead.)
_CJK = "the Chinese, Japanese and Korean codecs are not part of this build; UTF-8 is"
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
    "_elementtree": "use xml.etree.ElementTree, which works without this native part",
    # Native modules left out of the interpreter to save download bytes
    # (vendor/README.md); none is used by a lesson.
    "lzma": "the LZMA compressor is not part of this build; zlib and gzip are",
    "_lzma": "the LZMA compressor is not part of this build; zlib and gzip are",
    "bz2": "the bzip2 compressor is not part of this build; zlib and gzip are",
    "_bz2": "the bzip2 compressor is not part of this build; zlib and gzip are",
    "pyexpat": "the XML parser is not part of this build",
    "_remote_debugging": "a web page cannot attach a debugger to a process",
    "_codecs_cn": _CJK,
    "_codecs_hk": _CJK,
    "_codecs_iso2022": _CJK,
    "_codecs_jp": _CJK,
    "_codecs_kr": _CJK,
    "_codecs_tw": _CJK,
    "_multibytecodec": _CJK,
    # Left out of the frozen stdlib (DROPPED in crates/stdlib/build.rs).
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


_importing = []  # names loaded by the import statement in progress


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
                    spec.loader = _PatchingLoader(spec.loader, _pyplay_patches.PATCHES.get(name))
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
                _pyplay_reset.note_first_state(_importing)
                _importing.clear()

    def __getattr__(self, name):
        # get_source, is_package, get_code...: inspect, pkgutil and runpy ask the loader.
        return getattr(self._loader, name)


class _StdlibPacks:
    """The standard library beyond the modules built into the engine: a
    module's pack is fetched from the site on its first import (see
    crates/stdlib), then it loads as a frozen module does."""

    def find_spec(self, name, path=None, target=None):
        package = _pyplay.stdlib_module(name)
        if package is None:
            return None
        return ModuleSpec(name, self, origin="frozen", is_package=package)

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        exec(_pyplay.stdlib_code(module.__spec__.name), module.__dict__)


class _SysconfigData:
    """sysconfig, and so pydoc and help(), reads the build's settings from a
    module named after the platform; a page has no such build, so this
    answers with the few settings that mean something here."""

    def find_spec(self, name, path=None, target=None):
        if name.startswith("_sysconfigdata_"):
            return ModuleSpec(name, self, origin="pyplay")
        return None

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        module.build_time_vars = {"prefix": sys.prefix, "exec_prefix": sys.exec_prefix, "EXT_SUFFIX": ".so"}


def install():
    # Packs and sysconfig data come last, after the engine's frozen modules.
    # The blocker goes first, so no finder loads a refused module; the
    # patcher next, wrapping whichever finder below it finds the module.
    sys.meta_path.append(_StdlibPacks())
    sys.meta_path.append(_SysconfigData())
    sys.meta_path.insert(0, _PatchAfterImport())
    sys.meta_path.insert(0, _BlockUnavailable())
    codecs.register(_refused_codec)


def _refused_codec(name):
    """A codec search function after encodings' own, which answers None when
    a codec module fails to import: say which codec is missing and why."""
    import encodings

    key = encodings.normalize_encoding(name).lower()
    module = encodings.aliases.aliases.get(key, key)
    try:
        __import__("encodings." + module)
    except ModuleNotFoundError as exc:
        if _UNAVAILABLE.get(exc.name or "") is _CJK:
            raise LookupError(f"unknown encoding: {name}: {exc}") from None
    except ImportError:
        pass
    return None
