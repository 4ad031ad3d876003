import threading
cond = threading.Condition()
items = []
def produce():
    with cond:
        items.append(1)
        cond.notify_all()
t = threading.Thread(target=produce)
t.start(); t.join()
with cond:
    print(cond.wait_for(lambda: items, timeout=1))
sem = threading.Semaphore(2)
print(sem.acquire(), sem.acquire(), sem.acquire(blocking=False))
sem.release(); sem.release()
b = threading.BoundedSemaphore(1)
b.acquire(); b.release()
try:
    b.release()
except ValueError:
    print("ValueError")
