import queue, threading
q = queue.Queue()
out = []
def producer():
    for i in range(5):
        q.put(i)
    q.put(None)
def consumer():
    while True:
        item = q.get()
        q.task_done()
        if item is None:
            break
        out.append(item * 2)
p = threading.Thread(target=producer); c = threading.Thread(target=consumer)
p.start(); c.start(); p.join(); c.join()
q.join()
print(out)
