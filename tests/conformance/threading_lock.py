import threading
lock = threading.Lock()
count = 0
def inc():
    global count
    for _ in range(1000):
        with lock:
            count += 1
ts = [threading.Thread(target=inc) for _ in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print(count)
print(lock.acquire(), lock.locked())
print(lock.acquire(blocking=False))
lock.release()
print(lock.locked())
r = threading.RLock()
with r:
    with r:
        print("reentrant ok")
print(r.acquire(), r.acquire())
r.release(); r.release()
