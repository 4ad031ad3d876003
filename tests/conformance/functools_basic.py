import functools
@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 2) + fib(n - 1)
print(fib(80))
info = fib.cache_info()
print(info.hits, info.misses, info.maxsize, info.currsize)
fib.cache_clear(); print(fib.cache_info().currsize)
@functools.lru_cache(maxsize=2)
def sq(x): return x * x
sq(1); sq(2); sq(1); sq(3); sq(2)
print(sq.cache_info())
base2 = functools.partial(int, base=2)
print(base2("1011"), base2.func is int, base2.keywords)
print(functools.reduce(lambda a, b: a * b, range(1, 6)), functools.reduce(lambda a, b: a + b, [], 0))
@functools.cache
def c(x): return [x]
print(c(1) is c(1))
