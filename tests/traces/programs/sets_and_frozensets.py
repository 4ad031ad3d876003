a = {3, 1, 2}
b = frozenset([2, 3, 4])
both = a & b
a.add(5)
print(sorted(both), sorted(a))
