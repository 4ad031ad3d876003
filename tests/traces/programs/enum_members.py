from enum import Enum


class Color(Enum):
    RED = 1
    GREEN = 2


favourite = Color.RED
print(favourite.name, Color(2))
