import threading
ev = threading.Event()
print(ev.is_set())
ev.set()
print(ev.wait(), ev.wait(0.01), ev.is_set())
ev.clear()
print(ev.wait(0.01))
out = []
def setter():
    out.append("set")
    ev.set()
t = threading.Thread(target=setter)
t.start(); t.join()
print(ev.wait(1), out)
