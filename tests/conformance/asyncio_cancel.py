import asyncio
log = []
async def worker():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        log.append("cleanup")
        raise
async def main():
    t = asyncio.create_task(worker())
    await asyncio.sleep(0.01)
    print(t.cancel())
    try:
        await t
    except asyncio.CancelledError:
        print("caught CancelledError")
    print(t.cancelled(), t.done(), log)
    print(issubclass(asyncio.CancelledError, BaseException), issubclass(asyncio.CancelledError, Exception))
asyncio.run(main())
