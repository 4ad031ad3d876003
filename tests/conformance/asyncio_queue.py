import asyncio
async def producer(q, n):
    for i in range(n):
        await q.put(i)
        await asyncio.sleep(0)
    await q.put(None)
async def consumer(q, out):
    while True:
        item = await q.get()
        q.task_done()
        if item is None:
            break
        out.append(item * 10)
async def main():
    q = asyncio.Queue(maxsize=2)
    out = []
    await asyncio.gather(producer(q, 6), consumer(q, out))
    await q.join()
    print(out, q.empty(), q.qsize())
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty")
asyncio.run(main())
