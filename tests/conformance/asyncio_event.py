import asyncio
async def waiter(ev, name, out):
    await ev.wait()
    out.append(name)
async def main():
    ev = asyncio.Event()
    out = []
    tasks = [asyncio.create_task(waiter(ev, n, out)) for n in "abc"]
    await asyncio.sleep(0.01)
    print(ev.is_set(), out)
    ev.set()
    await asyncio.gather(*tasks)
    print(ev.is_set(), sorted(out))
    ev.clear()
    print(ev.is_set())
asyncio.run(main())
