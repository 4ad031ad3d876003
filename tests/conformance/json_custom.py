import json, io
from decimal import Decimal
class Enc(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, set):
            return sorted(o)
        return super().default(o)
print(json.dumps({"s": {"b", "a"}}, cls=Enc))
print(json.loads('{"x": 1.1}', parse_float=Decimal))
print(json.loads('{"a": 1}', object_hook=lambda d: sorted(d.items())))
buf = io.StringIO()
json.dump([1, {"k": "v"}], buf)
buf.seek(0)
print(json.load(buf))
print(json.dumps(float("inf")), json.loads("NaN") != json.loads("NaN"))
