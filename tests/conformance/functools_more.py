import functools
def deco(f):
    @functools.wraps(f)
    def wrapper(*a, **k):
        return f(*a, **k)
    return wrapper
@deco
def hello():
    "says hi"
print(hello.__name__, hello.__doc__, hello.__wrapped__.__name__)
@functools.total_ordering
class V:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
print(V(1) <= V(2), V(3) >= V(2), V(1) > V(1))
print(sorted([3, 1, 2], key=functools.cmp_to_key(lambda a, b: b - a)))
@functools.singledispatch
def show(x): return "obj"
@show.register
def _(x: int): return "int"
@show.register(list)
def _(x): return "list"
print(show(1), show([]), show("s"))
class P:
    @functools.cached_property
    def val(self):
        print("computing")
        return 42
p = P(); print(p.val, p.val)
