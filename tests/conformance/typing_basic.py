from typing import NamedTuple, TypedDict, Optional, List, Dict, get_type_hints, Union
class Emp(NamedTuple):
    name: str
    id: int = 3
e = Emp("ann")
print(e, e._asdict(), e._replace(id=9))
print(Emp._fields, Emp._field_defaults)
class Movie(TypedDict):
    title: str
    year: int
m: Movie = {"title": "x", "year": 1999}
print(m, sorted(Movie.__annotations__))
def f(a: int, b: Optional[str] = None) -> List[int]:
    return [a]
hints = get_type_hints(f)
print(sorted(hints))
print(hints["a"] is int, hints["b"] == Optional[str], hints["return"] == List[int])
print(Union[int, str] == Union[str, int])
