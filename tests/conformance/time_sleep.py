import time
start = time.monotonic()
r = time.sleep(0.05)
elapsed = time.monotonic() - start
print("returns", r)
print("advanced", elapsed >= 0.05)
print("reasonable", elapsed < 5)
p = time.perf_counter(); time.sleep(0); print(time.perf_counter() >= p)
try:
    time.sleep(-1)
except ValueError as e:
    print("ValueError")
