import asyncio
async def add(a, b):
    await asyncio.sleep(0)
    return a + b
async def main():
    x = await add(1, 2)
    y = await add(x, 10)
    return [x, y]
print(asyncio.run(main()))
print(asyncio.iscoroutinefunction(add))
c = add(1, 1)
print(asyncio.iscoroutine(c))
print(asyncio.run(c))
