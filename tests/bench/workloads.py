# Reference workloads drawn from the lessons. Each block is timed on its own;
# the harness splits this file on lines starting with "## ".
## fib-25
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)
print(fib(25))
## sorting-3000
import random
random.seed(7)
data = [random.randrange(100_000) for _ in range(3000)]
def quick(xs):
    if len(xs) <= 1:
        return xs
    p = xs[len(xs) // 2]
    return quick([x for x in xs if x < p]) + [x for x in xs if x == p] + quick([x for x in xs if x > p])
def insertion(xs):
    xs = list(xs)
    for i in range(1, len(xs)):
        k, j = xs[i], i - 1
        while j >= 0 and xs[j] > k:
            xs[j + 1] = xs[j]
            j -= 1
        xs[j + 1] = k
    return xs
def merge(xs):
    if len(xs) <= 1:
        return xs
    a, b = merge(xs[:len(xs) // 2]), merge(xs[len(xs) // 2:])
    out, i, j = [], 0, 0
    while i < len(a) and j < len(b):
        if a[i] <= b[j]:
            out.append(a[i]); i += 1
        else:
            out.append(b[j]); j += 1
    return out + a[i:] + b[j:]
import heapq
def heap(xs):
    h = list(xs); heapq.heapify(h)
    return [heapq.heappop(h) for _ in range(len(h))]
expected = sorted(data)
print(all(f(data) == expected for f in (quick, merge, heap)), insertion(data[:600]) == sorted(data[:600]))
## counter-40k
from collections import Counter, defaultdict
words = ("alpha beta gamma delta epsilon zeta eta theta iota kappa " * 4000).split()
c = Counter(words)
d = defaultdict(int)
for w in words:
    d[w[0]] += 1
print(len(words), c.most_common(1), sorted(d.items())[:2])
## generators-150k
def numbers(n):
    yield from range(n)
evens = (x for x in numbers(150_000) if x % 2 == 0)
squares = (x * x for x in evens)
print(sum(s % 1000 for s in squares))
## metaclass-slots-40k
class Registry(type):
    classes = []
    def __new__(mcls, name, bases, ns):
        cls = super().__new__(mcls, name, bases, ns)
        mcls.classes.append(name)
        return cls
class Point(metaclass=Registry):
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
    def norm2(self):
        return self.x * self.x + self.y * self.y
print(sum(Point(i, i + 1).norm2() for i in range(40_000)) % 1_000_007, Registry.classes)
## fstrings-60k
s = "".join(f"{i}:{i * 2:>6}|" for i in range(60_000))
print(len(s))
