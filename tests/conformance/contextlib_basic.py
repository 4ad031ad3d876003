import contextlib, io
@contextlib.contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name.upper()
    finally:
        print(f"</{name}>")
with tag("b") as t:
    print(t)
with contextlib.suppress(KeyError):
    {}["missing"]
print("suppressed")
buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    print("captured")
print(repr(buf.getvalue()))
with contextlib.ExitStack() as stack:
    for n in "xy":
        stack.enter_context(tag(n))
    stack.callback(print, "callback")
with contextlib.nullcontext(5) as v:
    print(v)
class R:
    def close(self): print("closed")
with contextlib.closing(R()):
    pass
