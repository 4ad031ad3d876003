import asyncio
async def job(n):
    await asyncio.sleep(0.01 * n)
    return n * n
async def main():
    t = asyncio.create_task(job(2), name="sq2")
    f = asyncio.ensure_future(job(3))
    print(t.get_name(), isinstance(t, asyncio.Task), isinstance(f, asyncio.Future))
    print(t.done())
    print(await t, await f)
    print(t.done(), t.result(), t.cancelled(), t.exception())
    print(asyncio.current_task() is not None)
    print(len(asyncio.all_tasks()))
asyncio.run(main())
