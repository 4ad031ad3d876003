import dis
def f(x):
    return x + 1
ops = [i.opname for i in dis.get_instructions(f)]
print(any("RETURN" in op for op in ops))
print(all(isinstance(op, str) for op in ops))
print("RETURN_VALUE" in dis.opname or "RETURN_CONST" in dis.opname)
print(type(dis.Bytecode(f)).__name__)
print(hasattr(dis, "dis"), callable(dis.dis))
