from concurrent.futures import ThreadPoolExecutor
ex = ThreadPoolExecutor(max_workers=2)
f = ex.submit(sum, [1, 2, 3])
print(f.result())
ex.shutdown(wait=True)
try:
    ex.submit(sum, [1])
except RuntimeError:
    print("RuntimeError after shutdown")
try:
    ThreadPoolExecutor(max_workers=0)
except ValueError:
    print("ValueError for 0 workers")
init_log = []
with ThreadPoolExecutor(1, initializer=init_log.append, initargs=("init",)) as ex2:
    print(ex2.submit(len, "abcd").result())
print(init_log)
