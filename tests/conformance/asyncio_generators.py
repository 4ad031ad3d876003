import asyncio
async def ticker(n):
    for i in range(n):
        await asyncio.sleep(0)
        yield i
class Ctx:
    async def __aenter__(self):
        print("enter")
        return self
    async def __aexit__(self, *exc):
        print("exit", exc[0] is None)
async def main():
    print([i async for i in ticker(4)])
    async with Ctx():
        print("body")
    total = 0
    async for v in ticker(5):
        total += v
    print(total)
asyncio.run(main())
