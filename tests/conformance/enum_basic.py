from enum import Enum, IntEnum, Flag, auto, unique
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
print(Color.RED.name, Color.RED.value, Color(2).name, Color["BLUE"].value, [c.name for c in Color], len(Color))
print(Color.RED is Color(1), Color.RED == 1, Color.RED)
class Pri(IntEnum):
    LOW = 1
    HIGH = 2
print(Pri.HIGH > Pri.LOW, Pri.LOW + 1, int(Pri.HIGH))
class Perm(Flag):
    R = auto()
    W = auto()
    X = auto()
rw = Perm.R | Perm.W
print(Perm.R in rw, Perm.X in rw, rw.value, bool(Perm.R & Perm.X))
Shape = Enum("Shape", "SQ CI")
print([s.value for s in Shape], Shape.CI.name)
try:
    @unique
    class Dup(Enum):
        A = 1
        B = 1
except ValueError:
    print("ValueError")
try:
    Color(9)
except ValueError:
    print("ValueError 9")
