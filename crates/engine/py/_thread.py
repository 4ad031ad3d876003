"""`_thread` for the browser build, where Python has exactly one thread.

A started thread runs to completion at once, under its own ident (so
`threading.current_thread()`, `threading.local` and lock ownership behave).
A lock wait that no other thread could ever end raises instead of hanging;
a wait with a timeout sleeps for the timeout and fails, as it would."""

import sys as _sys

error = RuntimeError
TIMEOUT_MAX = float(2**31)

_MAIN_IDENT = 1
_idents = [_MAIN_IDENT]
_next_ident = _MAIN_IDENT + 1
_DEADLOCK = (
    "this would wait forever: in the browser playground threads run one after "
    "another, so the thread holding the lock cannot release it while this waits"
)


def get_ident():
    return _idents[-1]


get_native_id = get_ident


def _get_main_thread_ident():
    return _MAIN_IDENT


def _is_main_interpreter():
    return True


def daemon_threads_allowed():
    return True


def _count():
    return len(_idents) - 1


def stack_size(size=None):
    if size is not None:
        raise error("setting thread stack size is not supported")
    return 0


def exit():
    raise SystemExit


def interrupt_main(signum=2):
    raise KeyboardInterrupt


def _run_as_new_thread(function, args, kwargs, handle=None):
    global _next_ident
    ident = _next_ident
    _next_ident += 1
    if handle is not None:
        handle._ident = ident
    _idents.append(ident)
    try:
        function(*args, **kwargs)
    except SystemExit:
        pass
    except BaseException as exc:
        _sys.unraisablehook(_Unraisable(exc, function))
    finally:
        _idents.pop()
        if handle is not None:
            handle._set_done()
    return ident


class _Unraisable:
    def __init__(self, exc, function):
        self.exc_type = type(exc)
        self.exc_value = exc
        self.exc_traceback = exc.__traceback__
        self.err_msg = f"Exception ignored in thread started by {function!r}"
        self.object = None


def start_new_thread(function, args, kwargs=None):
    if not isinstance(args, tuple):
        raise TypeError("2nd arg must be a tuple")
    if kwargs is not None and not isinstance(kwargs, dict):
        raise TypeError("optional 3rd arg must be a dictionary")
    return _run_as_new_thread(function, args, kwargs or {})


start_new = start_new_thread


class _ThreadHandle:
    def __init__(self):
        self._ident = None
        self._done = False

    @property
    def ident(self):
        return self._ident

    def _set_done(self):
        self._done = True

    def is_done(self):
        return self._done

    def join(self, timeout=None):
        pass  # the thread finished before start() returned

    def __repr__(self):
        return f"<_ThreadHandle ident={self._ident}>"


def start_joinable_thread(function, handle=None, daemon=True):
    if handle is None:
        handle = _ThreadHandle()
    _run_as_new_thread(function, (), {}, handle)
    return handle


def _make_thread_handle(ident):
    handle = _ThreadHandle()
    handle._ident = ident
    return handle


def _shutdown():
    pass


def _wait_failed(blocking, timeout):
    if not blocking:
        return False
    if timeout is not None and timeout >= 0:
        if timeout > 0:
            import time

            time.sleep(timeout)
        return False
    raise RuntimeError(_DEADLOCK)


class LockType:
    def __init__(self):
        self._locked = False

    def acquire(self, blocking=True, timeout=-1):
        if not blocking and timeout != -1:
            raise ValueError("can't specify a timeout for a non-blocking call")
        if not self._locked:
            self._locked = True
            return True
        return _wait_failed(blocking, None if timeout == -1 else timeout)

    acquire_lock = acquire

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *exc):
        self.release()

    def release(self):
        if not self._locked:
            raise RuntimeError("release unlocked lock")
        self._locked = False

    release_lock = release

    def locked(self):
        return self._locked

    locked_lock = locked

    def _at_fork_reinit(self):
        self._locked = False

    def __repr__(self):
        state = "locked" if self._locked else "unlocked"
        return f"<{state} _thread.lock object at {id(self):#x}>"


lock = LockType


def allocate_lock():
    return LockType()


allocate = allocate_lock


class RLock:
    def __init__(self):
        self._owner = None
        self._count = 0

    def acquire(self, blocking=True, timeout=-1):
        me = get_ident()
        if self._count and self._owner != me:
            return _wait_failed(blocking, None if timeout == -1 else timeout)
        self._owner = me
        self._count += 1
        return True

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *exc):
        self.release()

    def release(self):
        if not self._count or self._owner != get_ident():
            raise RuntimeError("cannot release un-acquired lock")
        self._count -= 1
        if not self._count:
            self._owner = None

    def locked(self):
        return self._count > 0

    def _is_owned(self):
        return self._count > 0 and self._owner == get_ident()

    def _recursion_count(self):
        return self._count if self._owner == get_ident() else 0

    def _release_save(self):
        if not self._count:
            raise RuntimeError("cannot release un-acquired lock")
        state = (self._count, self._owner)
        self._count, self._owner = 0, None
        return state

    def _acquire_restore(self, state):
        self._count, self._owner = state

    def _at_fork_reinit(self):
        self._owner, self._count = None, 0

    def __repr__(self):
        state = "locked" if self._count else "unlocked"
        return f"<{state} _thread.RLock object owner={self._owner or 0} count={self._count} at {id(self):#x}>"


class _local:
    """Thread-local attributes: one attribute dict per thread ident. A
    subclass's __init__ runs again the first time each new thread looks."""

    def __new__(cls, /, *args, **kwargs):
        if (args or kwargs) and cls.__init__ is object.__init__:
            raise TypeError("Initialization arguments are not supported")
        self = object.__new__(cls)
        object.__setattr__(self, "_local__dicts", {get_ident(): {}})
        object.__setattr__(self, "_local__args", (args, kwargs))
        return self

    def _local__dict(self):
        dicts = object.__getattribute__(self, "_local__dicts")
        ident = get_ident()
        if ident not in dicts:
            dicts[ident] = {}
            args, kwargs = object.__getattribute__(self, "_local__args")
            type(self).__init__(self, *args, **kwargs)
        return dicts[ident]

    def __getattribute__(self, name):
        if name.startswith("_local__"):
            return object.__getattribute__(self, name)
        attrs = _local._local__dict(self)
        if name == "__dict__":
            return attrs
        if name in attrs:
            return attrs[name]
        return object.__getattribute__(self, name)

    def __setattr__(self, name, value):
        if name == "__dict__":
            raise AttributeError("'_thread._local' object attribute '__dict__' is read-only")
        _local._local__dict(self)[name] = value

    def __delattr__(self, name):
        try:
            del _local._local__dict(self)[name]
        except KeyError:
            raise AttributeError(name) from None
