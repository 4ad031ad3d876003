from concurrent.futures import ThreadPoolExecutor, as_completed, wait, ALL_COMPLETED
import time
def job(n):
    time.sleep(0.001 * n)
    return n * 10
with ThreadPoolExecutor(4) as ex:
    futs = {ex.submit(job, n): n for n in range(5)}
    results = sorted(f.result() for f in as_completed(futs))
    print(results)
    print(sorted(futs[f] for f in futs))
    done, not_done = wait(list(futs), return_when=ALL_COMPLETED)
    print(len(done), len(not_done))
