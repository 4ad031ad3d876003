import os
print(type(os.getcwd()).__name__)
print(os.sep, os.name, repr(os.linesep))
print(type(os.getpid()).__name__)
c = os.cpu_count()
print(c is None or c >= 1)
b = os.urandom(8)
print(type(b).__name__, len(b))
print(callable(os.path.exists))
