from dataclasses import dataclass, field, asdict, astuple, replace, fields
@dataclass
class Point:
    x: int
    y: int = 0
    tags: list = field(default_factory=list)
p = Point(1, 2)
print(p)
print(p == Point(1, 2), p == Point(2, 1))
print(asdict(p), astuple(p))
print(replace(p, y=5))
print([f.name for f in fields(Point)])
@dataclass(frozen=True, order=True)
class V:
    a: int
    b: str = "z"
print(sorted([V(2), V(1, "q")]))
try:
    V(1).a = 5
except Exception as e:
    print(type(e).__name__)
print(hash(V(1)) == hash(V(1)))
