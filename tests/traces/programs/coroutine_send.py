async def answer():
    return 42


coro = answer()
try:
    coro.send(None)
except StopIteration as stop:
    print(stop.value)
