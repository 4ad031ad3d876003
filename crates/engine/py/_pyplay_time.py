"""The time module on wasm32: the clocks and sleep that panic there (a
panic kills the instance) come from the host instead, and the calendar
facts the build gets wrong are put right."""

import time
import types

import _pyplay


def _clock_info(name):
    if name not in ("time", "monotonic", "perf_counter", "process_time", "thread_time"):
        raise ValueError("unknown clock")
    return types.SimpleNamespace(
        implementation="Date.now()" if name == "time" else "performance.now()",
        monotonic=name != "time",
        adjustable=name == "time",
        resolution=1e-06,
    )


def _monday_first(convert):
    def wrapper(*args):
        t = convert(*args)
        fields = list(t)
        fields[6] = (fields[6] + 6) % 7
        return time.struct_time(fields + [t.tm_zone, t.tm_gmtoff])

    wrapper.__name__ = convert.__name__
    return wrapper


def _sleep(seconds):
    if seconds != seconds:
        raise ValueError("Invalid value NaN (not a number)")
    if seconds < 0:
        raise ValueError("sleep length must be non-negative")
    _pyplay.sleep(seconds)


def install():
    # wasm32 has no monotonic clock in std: these panic and kill the instance.
    time.monotonic = time.perf_counter = _pyplay.monotonic
    time.monotonic_ns = time.perf_counter_ns = lambda: int(_pyplay.monotonic() * 1e9)
    time.time_ns = lambda: int(_pyplay.wall_time() * 1e9)

    # wasm32 has no CPU-time clock: these count wall time instead.
    time.process_time = time.thread_time = _pyplay.monotonic
    time.process_time_ns = time.thread_time_ns = time.monotonic_ns

    time.get_clock_info = _clock_info  # missing on wasm32; asyncio asks for it

    # wasm32's gmtime/localtime count weekdays from Sunday (JavaScript's getDay);
    # Python counts from Monday. 1970-01-01 was a Thursday: tm_wday 3.
    if time.gmtime(0).tm_wday != 3:
        time.gmtime = _monday_first(time.gmtime)
        time.localtime = _monday_first(time.localtime)

    # The wasm32 time module has no zone data; the page's clock is read as UTC.
    if not hasattr(time, "tzname"):
        time.tzname, time.timezone, time.altzone, time.daylight = ("UTC", "UTC"), 0, 0, 0

    time.sleep = _sleep  # std::thread::sleep panics on wasm32

    # The native _datetime asks std for the time and panics: it is refused at
    # import (_UNAVAILABLE in _pyplay_imports), and datetime falls back to
    # _pydatetime, which uses time.time().
