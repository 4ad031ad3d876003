import asyncio
def blocking(x):
    return sum(range(x))
async def main():
    loop = asyncio.get_running_loop()
    r = await loop.run_in_executor(None, blocking, 100)
    print(r)
    rs = await asyncio.gather(*(loop.run_in_executor(None, blocking, n) for n in (10, 20, 30)))
    print(rs)
    print(await asyncio.to_thread(blocking, 5))
asyncio.run(main())
