import asyncio
seen = []
async def job(n):
    await asyncio.sleep(0.01)
    return n
async def main():
    t = asyncio.create_task(job(7))
    t.add_done_callback(lambda fut: seen.append(("task", fut.result())))
    await t
    await asyncio.sleep(0)
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    f.add_done_callback(lambda fut: seen.append(("future", fut.result())))
    f.set_result("x")
    await asyncio.sleep(0)
    print(seen)
    try:
        f.set_result("y")
    except asyncio.InvalidStateError:
        print("InvalidStateError")
asyncio.run(main())
