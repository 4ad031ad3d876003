# max_steps: 300
class Sneaky:
    def __getattr__(self, name):
        raise RuntimeError("no")
    def __repr__(self):
        raise RuntimeError("repr")
    @property
    def __class__(self):
        raise RuntimeError("class")
class L(list):
    def __iter__(self):
        raise RuntimeError("iter")
class Cmp:
    def __lt__(self, other):
        raise RuntimeError("lt")
    __hash__ = object.__hash__
class S:
    __slots__ = ("a", "b")
s = S(); s.a = 1
x = Sneaky()
l = L([1, 2])
st = {Cmp(), Cmp()}
big = list(range(100))
nested = [[[[[[1]]]]]]
import math
f = math.sqrt
d = {i: str(i) for i in range(50)}
def rec(n):
    return rec(n + 1)
try:
    rec(0)
except RecursionError:
    print("deep")
