import threading
data = threading.local()
data.value = "main"
seen = []
def worker(n):
    print_missing = not hasattr(data, "value")
    data.value = n
    seen.append((n, print_missing, data.value))
ts = [threading.Thread(target=worker, args=(i,)) for i in range(3)]
for t in ts: t.start()
for t in ts: t.join()
print(sorted(seen))
print(data.value)
