import asyncio
active = 0
peak = 0
async def job(sem, i):
    global active, peak
    async with sem:
        active += 1
        peak = max(peak, active)
        await asyncio.sleep(0.01)
        active -= 1
        return i
async def main():
    sem = asyncio.Semaphore(2)
    res = await asyncio.gather(*(job(sem, i) for i in range(6)))
    print(res, peak, active)
    b = asyncio.BoundedSemaphore(1)
    await b.acquire(); b.release()
    try:
        b.release()
    except ValueError:
        print("ValueError")
asyncio.run(main())
