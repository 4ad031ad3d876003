from dataclasses import dataclass, field, InitVar, is_dataclass
@dataclass
class Rect:
    w: float
    h: float
    area: float = field(init=False)
    scale: InitVar[int] = 1
    def __post_init__(self, scale):
        self.w *= scale; self.h *= scale
        self.area = self.w * self.h
r = Rect(2, 3, 2)
print(r, r.area)
print(is_dataclass(r), is_dataclass(int))
@dataclass
class Base:
    a: int = 1
@dataclass
class Child(Base):
    b: int = 2
print(Child(), Child(b=5, a=0))
@dataclass(eq=False)
class NoEq:
    v: int
print(NoEq(1) == NoEq(1))
