import asyncio, time
async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time(); m0 = time.monotonic()
    await asyncio.sleep(0.05)
    print(loop.time() - t0 >= 0.04, time.monotonic() - m0 >= 0.04)
    r = await asyncio.sleep(0, result="val")
    print(r)
    inner = asyncio.create_task(asyncio.sleep(0.01, result="shielded"))
    print(await asyncio.shield(inner))
asyncio.run(main())
