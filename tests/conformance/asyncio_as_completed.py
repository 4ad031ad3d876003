import asyncio
async def job(n, d):
    await asyncio.sleep(d)
    return n
async def main():
    coros = [job(1, 0.4), job(2, 0.02), job(3, 0.2)]
    results = []
    for fut in asyncio.as_completed(coros):
        results.append(await fut)
    print(results)
    print(sorted(results))
asyncio.run(main())
