"""Each run starts clean: fresh_main, which the engine calls before every
run, undoes what an earlier run changed in the state all runs share
(builtins, module globals, the recursion limit, streams, sys.path, the
environment and the file system) and makes a new __main__."""

import builtins
import sys
import types

import _pyplay_fs
import _pyplay_streams
import posix

# The playground's own modules, split out of _pyplay_boot: their state must
# live on across runs, and tracebacks hide their frames (_pyplay_traceback).
BOOT_MODULES = (
    "_pyplay_boot",
    "_pyplay_imports",
    "_pyplay_os",
    "_pyplay_patches",
    "_pyplay_reset",
    "_pyplay_streams",
    "_pyplay_time",
    "_pyplay_trace",
    "_pyplay_traceback",
)

# Each module's globals as first imported (and patched): a run's monkey
# patches are undone before the next run (see fresh_main). Noted when the
# outermost import statement ends (by _pyplay_imports' loader), since a
# module may set up another (warnings configures _py_warnings) or replace
# itself (decimal).
_FIRST_STATE = {}  # name -> (module, globals)
# Their state is reset by their own code, or must live on across runs.
_OWN_RESET = {"__main__", "sys", "builtins", "_pyplay_fs", "posix", *BOOT_MODULES}

# What every run starts from, noted by snapshot() at the end of boot.
_BUILTINS = {}
_RECURSION_LIMIT = None
_PATH = []

_session = None  # the __main__ of the last run that kept its globals


def note_first_state(names):
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


def snapshot():
    """Notes the state every run starts from: builtins, the first state of
    every module loaded so far, the recursion limit and sys.path. The last
    step of boot, so that the patches before it are part of that state."""
    global _RECURSION_LIMIT
    _BUILTINS.update(builtins.__dict__)
    note_first_state(list(sys.modules))
    _RECURSION_LIMIT = sys.getrecursionlimit()
    _PATH[:] = sys.path


def fresh_main(stdin="", keep_globals=False):
    """A new, empty __main__ for one run; returns its globals. First undoes
    what an earlier run changed in state every run shares (see README.md).
    With keep_globals, the session's __main__ goes on, as in a REPL, if no
    other run replaced it; only stdin is new."""
    global _session
    if keep_globals and _session is not None and sys.modules.get("__main__") is _session:
        _pyplay_streams.set_stdin(stdin)
        return _session.__dict__
    builtins.__dict__.clear()
    builtins.__dict__.update(_BUILTINS)
    _restore_modules()
    sys.setrecursionlimit(_RECURSION_LIMIT)
    _pyplay_streams.install(stdin)
    sys.path[:] = _PATH
    posix.reset_environ()
    _pyplay_fs.reset()
    main = types.ModuleType("__main__")
    main.__builtins__ = __builtins__
    sys.modules["__main__"] = main
    _session = main if keep_globals else None
    return main.__dict__
