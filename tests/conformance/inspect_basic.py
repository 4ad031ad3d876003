import inspect
def f(a, b=2, *args, c, d=4, **kw) -> int:
    "doc"
    return a
sig = inspect.signature(f)
print(sig)
print(list(sig.parameters))
print([p.kind.name for p in sig.parameters.values()])
print(sig.parameters["b"].default, sig.return_annotation is int)
print(sig.bind(1, c=3).arguments)
print(inspect.isfunction(f), inspect.isfunction(len), inspect.isbuiltin(len))
print(inspect.isclass(int), inspect.ismethod(f), inspect.getdoc(f))
def gen():
    yield 1
g = gen()
print(inspect.getgeneratorstate(g))
next(g)
print(inspect.getgeneratorstate(g))
g.close()
print(inspect.getgeneratorstate(g))
print(inspect.isgenerator(g), inspect.isgeneratorfunction(gen))
