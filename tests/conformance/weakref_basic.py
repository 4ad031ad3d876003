import weakref, gc
class Obj:
    def __init__(self, name): self.name = name
o = Obj("a")
r = weakref.ref(o)
print(r() is o, r().name)
d = weakref.WeakValueDictionary()
d["k"] = o
k2 = Obj("b"); d["k2"] = k2
print(sorted(d.keys()))
del o
gc.collect()
print(r() is None, sorted(d.keys()))
called = []
x = Obj("x")
f = weakref.finalize(x, called.append, "finalized")
del x; gc.collect()
print(called, f.alive)
ws = weakref.WeakSet(); y = Obj("y"); ws.add(y)
print(len(ws)); del y; gc.collect(); print(len(ws))
p = weakref.proxy(k2); print(p.name)
