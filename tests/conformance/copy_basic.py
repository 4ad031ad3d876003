import copy
a = {"list": [1, [2, 3]], "n": 1}
s = copy.copy(a); d = copy.deepcopy(a)
a["list"][1].append(4)
print(s["list"][1], d["list"][1])
print(s is not a, s["list"] is a["list"], d["list"] is not a["list"])
class Node:
    def __init__(self): self.me = self; self.items = [1]
n = Node(); m = copy.deepcopy(n)
print(m.me is m, m.items == [1], m.items is not n.items)
class Custom:
    def __init__(self, v): self.v = v
    def __copy__(self): return Custom(self.v + 100)
    def __deepcopy__(self, memo): return Custom(self.v + 1000)
print(copy.copy(Custom(1)).v, copy.deepcopy(Custom(1)).v)
t = (1, 2); print(copy.copy(t) is t)
print(copy.deepcopy([1, (2, [3])]))
