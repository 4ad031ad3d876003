"""How a run ends, as a CPython process ends: SystemExit is quiet, atexit
handlers run, os._exit stops at once."""

import atexit

import _pyplay

_exited_now = False  # os._exit was called in this run


def exit_now(status):
    """os._exit: CPython skips finally blocks and atexit handlers. A run
    cannot be stopped mid-frame here, so it unwinds with SystemExit, but
    nothing it writes on the way out is shown and no handler runs."""
    global _exited_now
    _exited_now = True
    _pyplay.flush()
    _pyplay.mute()
    raise SystemExit(status)


def status(exc):
    """The exit status of an uncaught SystemExit, as Py_Main computes it: None
    is 0, an int is itself, anything else is printed to stderr and is 1."""
    import sys

    code = exc.code
    if code is None:
        return 0
    if isinstance(code, int):
        return code if -(2**31) <= code < 2**31 else -1
    try:
        sys.stderr.write(f"{code}\n")
    except Exception:
        pass
    return 1


def end_run():
    """atexit handlers run when a run ends, as at interpreter exit."""
    global _exited_now
    if _exited_now:
        _exited_now = False
        atexit._clear()
    else:
        atexit._run_exitfuncs()
    _revive_finalize()


def _revive_finalize():
    # weakref.finalize's atexit handler marks the class shut down for good;
    # the interpreter lives on for the next run, so undo that.
    import sys

    finalize = getattr(sys.modules.get("weakref"), "finalize", None)
    if finalize is not None:
        finalize._shutdown = False
        finalize._registered_with_atexit = False
