"""`select` for the browser build: importable (asyncio and selectors need
the module), but there are no file descriptors to wait on."""

error = OSError


def select(rlist, wlist, xlist, timeout=None):
    if rlist or wlist or xlist:
        raise OSError("select() is not available in the browser: there are no sockets or pipes")
    return [], [], []
