"""An uncaught exception's report, as CPython prints it: the engine calls
format_exception (through _pyplay_boot) for the traceback text it returns."""

from _pyplay_reset import BOOT_MODULES

# Frames a reader did not write and cannot act on, hidden as CPython hides
# importlib's: the import system's and the playground's own (frozen modules
# take their module name as file name).
_HIDDEN = ("<frozen importlib", *BOOT_MODULES)


def format_exception(exc, source):
    """CPython's traceback text, with the user's source lines shown."""
    import linecache
    import traceback

    lines = source.splitlines(True)
    linecache.cache["main.py"] = (len(source), None, lines, "main.py")
    try:
        report = traceback.TracebackException.from_exception(exc)
        _hide_machinery(report, traceback.StackSummary, set())
        return "".join(report.format())
    finally:
        linecache.cache.pop("main.py", None)


def _hide_machinery(report, summary, seen):
    """Drops import-system and playground frames, as CPython hides importlib's."""
    if report is None or id(report) in seen:
        return
    seen.add(id(report))
    kept = [f for f in report.stack if not f.filename.startswith(_HIDDEN)]
    report.stack = summary.from_list(kept)
    _hide_machinery(report.__cause__, summary, seen)
    _hide_machinery(report.__context__, summary, seen)
