from typing import TypeVar, Generic, Protocol, runtime_checkable, Any, Callable, get_origin, get_args, Literal, cast
T = TypeVar("T")
class Box(Generic[T]):
    def __init__(self, item: T):
        self.item = item
b = Box[int](5)
print(b.item)
@runtime_checkable
class Closer(Protocol):
    def close(self) -> None: ...
class F:
    def close(self): pass
print(isinstance(F(), Closer), isinstance(1, Closer))
print(get_origin(list[int]) is list, get_args(dict[str, int]) == (str, int))
print(get_args(Literal["a", "b"]))
print(cast(int, "x"))
print(get_origin(Callable[[int], str]).__name__)
