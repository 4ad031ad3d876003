"""Signals for the browser build: there are none to deliver, but unittest and
asyncio register handlers, so handlers are remembered and never called."""

SIG_DFL = 0
SIG_IGN = 1
SIGINT = 2
SIGTERM = 15
SIGKILL = 9
SIGALRM = 14
SIGCHLD = 17
NSIG = 65

_handlers = {}


def default_int_handler(signalnum, frame):
    raise KeyboardInterrupt


def _check(signalnum):
    if not 1 <= signalnum < NSIG:
        raise ValueError("signal number out of range")


def signal(signalnum, handler):
    _check(signalnum)
    if not (callable(handler) or handler in (SIG_DFL, SIG_IGN)):
        raise TypeError("signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object")
    previous = getsignal(signalnum)
    _handlers[signalnum] = handler
    return previous


def getsignal(signalnum):
    _check(signalnum)
    return _handlers.get(signalnum, default_int_handler if signalnum == SIGINT else SIG_DFL)


def set_wakeup_fd(fd, *, warn_on_full_buffer=True):
    return -1


def valid_signals():
    return set(range(1, NSIG))


def strsignal(signalnum):
    return {SIGINT: "Interrupt", SIGTERM: "Terminated", SIGKILL: "Killed", SIGALRM: "Alarm clock"}.get(signalnum)


def raise_signal(signalnum):
    handler = getsignal(signalnum)
    if callable(handler):
        handler(signalnum, None)
    elif handler == SIG_DFL:
        raise OSError(f"signal {signalnum} cannot be raised in the browser")
