import gc
n = gc.collect()
print(type(n).__name__, n >= 0)
print(gc.isenabled())
gc.disable(); print(gc.isenabled())
gc.enable(); print(gc.isenabled())
print(isinstance(gc.get_threshold(), tuple))
class Cyc:
    pass
a = Cyc(); b = Cyc(); a.o = b; b.o = a
del a, b
print(type(gc.collect()).__name__)
