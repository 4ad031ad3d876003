import queue
q = queue.Queue()
for i in range(3):
    q.put(i)
print(q.qsize(), q.empty())
print(q.get(), q.get_nowait(), q.get(timeout=1))
try:
    q.get_nowait()
except queue.Empty:
    print("Empty")
lq = queue.LifoQueue(); [lq.put(c) for c in "abc"]
print([lq.get() for _ in range(3)])
pq = queue.PriorityQueue(); [pq.put(x) for x in (5, 1, 3)]
print([pq.get() for _ in range(3)])
b = queue.Queue(maxsize=1); b.put("x")
try:
    b.put_nowait("y")
except queue.Full:
    print("Full")
sq = queue.SimpleQueue(); sq.put(9); print(sq.get())
