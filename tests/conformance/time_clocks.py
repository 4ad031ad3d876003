import time
t = time.time()
print(type(t).__name__, t > 1_600_000_000)
a = time.monotonic(); b = time.monotonic()
print("monotonic", type(a).__name__, b >= a)
p1 = time.perf_counter(); p2 = time.perf_counter()
print("perf_counter", type(p1).__name__, p2 >= p1)
pt = time.process_time()
print("process_time", type(pt).__name__, pt >= 0)
