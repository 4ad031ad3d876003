import asyncio
async def job(n):
    await asyncio.sleep(0.01 * n)
    return n * 2
async def bad():
    await asyncio.sleep(0.01)
    raise KeyError("k")
async def main():
    async with asyncio.TaskGroup() as tg:
        ts = [tg.create_task(job(i)) for i in range(3)]
    print([t.result() for t in ts])
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(bad())
            tg.create_task(job(50))
    except* KeyError as eg:
        print("ExceptionGroup", [type(e).__name__ for e in eg.exceptions])
asyncio.run(main())
