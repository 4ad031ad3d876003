import asyncio
async def slow():
    await asyncio.sleep(1)
    return "slow"
async def fast():
    await asyncio.sleep(0.01)
    return "fast"
async def main():
    print(await asyncio.wait_for(fast(), timeout=1))
    try:
        await asyncio.wait_for(slow(), timeout=0.05)
    except asyncio.TimeoutError:
        print("timed out")
    try:
        await asyncio.wait_for(slow(), timeout=0.02)
    except TimeoutError:
        print("builtin TimeoutError too")
asyncio.run(main())
