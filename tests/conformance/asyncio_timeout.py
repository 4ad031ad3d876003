import asyncio
async def main():
    try:
        async with asyncio.timeout(0.03) as cm:
            await asyncio.sleep(1)
    except TimeoutError:
        print("TimeoutError", cm.expired())
    async with asyncio.timeout(1) as cm:
        await asyncio.sleep(0.01)
    print("ok", cm.expired())
    async with asyncio.timeout(None):
        await asyncio.sleep(0)
    print("none ok")
asyncio.run(main())
