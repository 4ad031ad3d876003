from concurrent.futures import ThreadPoolExecutor, Future
seen = []
with ThreadPoolExecutor(2) as ex:
    for i in range(3):
        f = ex.submit(lambda x: x + 100, i)
        f.add_done_callback(lambda fut: seen.append(fut.result()))
print(sorted(seen))
f = Future()
print(f.done(), f.running(), f.cancelled())
f.add_done_callback(lambda fut: seen.append("manual"))
print(f.set_running_or_notify_cancel(), f.running())
f.set_result(5)
print(f.done(), f.result(), seen[-1])
g = Future()
print(g.cancel(), g.cancelled(), g.done())
