import time
for name in ("time_ns", "monotonic_ns", "perf_counter_ns"):
    f = getattr(time, name)
    a = f(); b = f()
    print(name, type(a).__name__, b >= a)
print(abs(time.time_ns() / 1e9 - time.time()) < 5)
print(abs(time.monotonic_ns() / 1e9 - time.monotonic()) < 5)
