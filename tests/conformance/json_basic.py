import json
obj = {"b": [1, 2.5, None, True], "a": {"x": "é"}, "c": "line\n"}
s = json.dumps(obj, sort_keys=True)
print(s)
print(json.dumps(obj, sort_keys=True, indent=2, ensure_ascii=False))
print(json.loads(s) == obj)
print(json.loads('[1, "2", {"3": 4.0}]'))
print(json.dumps((1, 2)), json.dumps("ü"))
try:
    json.loads("{bad}")
except json.JSONDecodeError as e:
    print("JSONDecodeError", e.pos)
try:
    json.dumps({1, 2})
except TypeError:
    print("TypeError")
print(json.dumps({"d": 1}, default=str, separators=(",", ":")))
