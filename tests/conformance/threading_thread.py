import threading
results = []
def work(n):
    results.append(n * n)
threads = [threading.Thread(target=work, args=(i,)) for i in range(5)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results))
print([t.is_alive() for t in threads])
t = threading.Thread(target=work, args=(10,), name="worker-1", daemon=True)
print(t.name, t.daemon)
t.start(); t.join()
print(sorted(results)[-1])
print(threading.current_thread() is threading.main_thread())
print(isinstance(threading.get_ident(), int), threading.active_count() >= 1)
