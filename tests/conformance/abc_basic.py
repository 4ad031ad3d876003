from abc import ABC, abstractmethod
import collections.abc as cabc
class Shape(ABC):
    @abstractmethod
    def area(self): ...
    def describe(self): return f"area={self.area()}"
class Sq(Shape):
    def __init__(self, s): self.s = s
    def area(self): return self.s ** 2
try:
    Shape()
except TypeError:
    print("TypeError abstract")
print(Sq(3).describe(), isinstance(Sq(1), Shape))
print(sorted(Shape.__abstractmethods__))
class Reg(ABC): pass
Reg.register(int)
print(isinstance(5, Reg), issubclass(int, Reg), isinstance("s", Reg))
print(isinstance([], cabc.Sequence), isinstance({}, cabc.Mapping), isinstance(iter([]), cabc.Iterator))
class MyLen:
    def __len__(self): return 0
print(isinstance(MyLen(), cabc.Sized), issubclass(dict, cabc.MutableMapping))
