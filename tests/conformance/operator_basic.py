import operator as op
print(op.add(2, 3), op.mul(4, 5), op.truediv(7, 2), op.floordiv(7, 2), op.mod(7, 3), op.neg(4))
print(op.eq(1, 1), op.lt(2, 1), op.not_(0), op.contains([1, 2], 2), op.concat("a", "b"))
rows = [("b", 2), ("a", 3), ("c", 1)]
print(sorted(rows, key=op.itemgetter(1)), sorted(rows, key=op.itemgetter(0)))
print(op.itemgetter(0, 2)("xyz"))
from types import SimpleNamespace as NS
people = [NS(name="z", age=3), NS(name="y", age=1)]
print([p.name for p in sorted(people, key=op.attrgetter("age"))])
print(op.methodcaller("upper")("hi"), op.methodcaller("split", ",")("a,b"))
l = [1, 2, 3]; op.setitem(l, 0, 9); op.delitem(l, 1); print(l, op.getitem(l, -1))
print(op.index(5), op.pow(2, 10), op.xor(6, 3), op.and_(6, 3), op.or_(6, 3))
x = [1]; x = op.iadd(x, [2]); print(x)
