from unittest import mock
import os.path, json
with mock.patch("os.path.exists", return_value=True) as p:
    print(os.path.exists("/nothing/here"))
    print(p.call_args.args)
print(os.path.exists("/nothing/here"))
@mock.patch("json.dumps")
def f(dumps):
    dumps.return_value = "patched"
    return json.dumps({})
print(f(), json.dumps({}))
class C:
    x = 1
with mock.patch.object(C, "x", 99):
    print(C.x)
print(C.x)
with mock.patch.dict("os.environ", {"PYPLAY_MOCKED": "1"}):
    print(os.environ.get("PYPLAY_MOCKED"))
print(os.environ.get("PYPLAY_MOCKED"))
s = mock.create_autospec(len)
print(s("abc") is s.return_value)
