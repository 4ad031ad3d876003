import threading, time
lock = threading.Lock()
print(lock.acquire())
print(lock.acquire(False))
start = time.monotonic()
print(lock.acquire(timeout=0.02))
print(time.monotonic() - start >= 0.02)
print(lock.acquire(True, 0.01))
lock.release()
print(lock.acquire(timeout=0.01), lock.locked())
lock.release()
try:
    lock.release()
except RuntimeError:
    print("RuntimeError")
