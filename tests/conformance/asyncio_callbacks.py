import asyncio
out = []
async def main():
    loop = asyncio.get_running_loop()
    done = loop.create_future()
    loop.call_later(0.03, out.append, "later30")
    loop.call_at(loop.time() + 0.01, out.append, "at10")
    loop.call_soon(out.append, "soon1")
    loop.call_soon(out.append, "soon2")
    h = loop.call_later(0.02, out.append, "cancelled")
    h.cancel()
    loop.call_later(0.05, done.set_result, "fin")
    print(await done)
    print(out)
    print(isinstance(loop.time(), float))
asyncio.run(main())
