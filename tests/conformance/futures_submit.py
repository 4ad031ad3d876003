from concurrent.futures import ThreadPoolExecutor
def square(x):
    return x * x
def fail():
    raise ValueError("nope")
with ThreadPoolExecutor(max_workers=3) as ex:
    f = ex.submit(square, 7)
    print(f.result(), f.done(), f.exception())
    g = ex.submit(fail)
    print(type(g.exception()).__name__)
    try:
        g.result()
    except ValueError as e:
        print("raised", e)
    print(list(ex.map(square, range(6))))
    print(list(ex.map(pow, [2, 3], [5, 2])))
