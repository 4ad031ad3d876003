import types
ns = types.SimpleNamespace(a=1, b="x")
ns.c = 3
print(ns, ns == types.SimpleNamespace(a=1, b="x", c=3))
def f(): pass
print(isinstance(f, types.FunctionType), isinstance(len, types.BuiltinFunctionType))
print(isinstance((x for x in []), types.GeneratorType), isinstance(lambda: 0, types.LambdaType))
class C:
    def m(self): pass
print(isinstance(C().m, types.MethodType))
m = types.ModuleType("mymod", "doc")
m.x = 5
print(m.__name__, m.__doc__, m.x)
mp = types.MappingProxyType({"k": 1})
try:
    mp["k"] = 2
except TypeError:
    print("TypeError", mp["k"])
print(type(None) is types.NoneType)
bound = types.MethodType(lambda self: self.v, types.SimpleNamespace(v=9))
print(bound())
