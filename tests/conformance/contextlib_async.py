import asyncio, contextlib
@contextlib.asynccontextmanager
async def res(n):
    print("open", n)
    yield n * 2
    print("close", n)
async def main():
    async with res(3) as v:
        print(v)
    async with contextlib.AsyncExitStack() as st:
        a = await st.enter_async_context(res(1))
        b = await st.enter_async_context(res(2))
        print(a + b)
asyncio.run(main())
import io, sys
buf = io.StringIO()
with contextlib.redirect_stderr(buf):
    sys.stderr.write("to buf")
print(buf.getvalue())
