import asyncio
order = []
async def work(name, delay):
    await asyncio.sleep(delay)
    order.append(name)
    return name.upper()
async def boom():
    raise ValueError("bad")
async def main():
    res = await asyncio.gather(work("a", 0.03), work("b", 0.01), work("c", 0.02))
    print(res, order)
    res = await asyncio.gather(work("x", 0), boom(), return_exceptions=True)
    print(res[0], type(res[1]).__name__, res[1].args)
    try:
        await asyncio.gather(boom(), work("y", 0))
    except ValueError as e:
        print("raised", e)
asyncio.run(main())
