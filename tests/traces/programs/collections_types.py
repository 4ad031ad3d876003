from collections import Counter, deque, namedtuple

Point = namedtuple("Point", "x y")
p = Point(1, 2)
window = deque([1, 2], maxlen=2)
window.append(3)
counts = Counter("abca")
print(p, window, counts["a"])
