import asyncio
async def job(n, d):
    await asyncio.sleep(d)
    return n
async def main():
    tasks = [asyncio.create_task(job(i, d)) for i, d in [(1, 0.15), (2, 0.01), (3, 0.3)]]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print(sorted(t.result() for t in done), len(pending))
    done, pending = await asyncio.wait(tasks, return_when=asyncio.ALL_COMPLETED)
    print(sorted(t.result() for t in done), len(pending))
    tasks = [asyncio.create_task(job(i, 0.01 * i)) for i in (1, 50)]
    done, pending = await asyncio.wait(tasks, timeout=0.2)
    print(len(done), len(pending))
    for t in pending:
        t.cancel()
asyncio.run(main())
