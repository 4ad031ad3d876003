import asyncio
counter = 0
async def inc(lock, n):
    global counter
    for _ in range(n):
        async with lock:
            v = counter
            await asyncio.sleep(0)
            counter = v + 1
async def main():
    lock = asyncio.Lock()
    print(lock.locked())
    await asyncio.gather(*(inc(lock, 5) for _ in range(4)))
    print(counter)
    await lock.acquire()
    print(lock.locked())
    lock.release()
    print(lock.locked())
asyncio.run(main())
