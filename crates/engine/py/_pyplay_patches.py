"""Patches applied right after a module's first import (by the loader in
_pyplay_imports), for stdlib code that assumes threads or an OS: PATCHES
maps a module's name to the function that patches it."""

import sys
import time

import _pyplay


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


def _patch_unicodedata(unicodedata):
    # The names table is a pack fetched on first use (crates/engine/src/stdlib.rs).
    # Without it every name would be "no such name": say why instead.
    def needs_names(real):
        def call(*args):
            why = _pyplay.unicode_names_missing()
            if why is not None:
                raise RuntimeError(f"unicodedata.{real.__name__}() needs the Unicode names table: {why}")
            return real(*args)

        call.__name__ = call.__qualname__ = real.__name__
        call.__doc__ = real.__doc__
        call.__module__ = "unicodedata"
        return call

    unicodedata.name = needs_names(unicodedata.name)
    unicodedata.lookup = needs_names(unicodedata.lookup)


PATCHES = {
    "asyncio": _patch_asyncio,
    "pdb": _patch_pdb,
    "threading": _patch_threading,
    "unicodedata": _patch_unicodedata,
    "concurrent.futures.thread": _patch_futures_thread,
}
