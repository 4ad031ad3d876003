import inspect
class A:
    """A class."""
    x = 1
    def m(self): pass
    @staticmethod
    def s(): pass
    @classmethod
    def c(cls): pass
names = [n for n, _ in inspect.getmembers(A) if not n.startswith("_")]
print(names)
print([n for n, _ in inspect.getmembers(A, inspect.isfunction)])
print(inspect.ismethod(A().m), inspect.ismethod(A.c))
print(inspect.getmro(bool)[-1].__name__)
async def co(): pass
print(inspect.iscoroutinefunction(co), inspect.isawaitable(1))
print(inspect.cleandoc("  a\n    b\n  c"))
def outer(x, y=1): pass
print(str(inspect.signature(outer).replace(return_annotation=str)))
