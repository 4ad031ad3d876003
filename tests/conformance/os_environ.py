import os

os.environ["PYPLAY_DEMO"] = "42"
print(os.environ["PYPLAY_DEMO"], os.getenv("PYPLAY_DEMO"), "PYPLAY_DEMO" in os.environ)
print(os.environ.get("PYPLAY_MISSING", "default"), os.getenv("PYPLAY_MISSING"))
try:
    os.environ["PYPLAY_BAD"] = 1
except TypeError as e:
    print("TypeError:", e)
del os.environ["PYPLAY_DEMO"]
print(os.getenv("PYPLAY_DEMO"))
print(isinstance(os.environ, os._Environ), callable(os.walk), os.name)
print(os.path.join(os.sep, "a", "b"), os.fspath(os.curdir))
