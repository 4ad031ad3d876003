import os
print(os.getenv("PYPLAY_SURELY_UNSET_VAR") is None)
print(os.getenv("PYPLAY_SURELY_UNSET_VAR", "fallback"))
print(os.environ.get("PYPLAY_SURELY_UNSET_VAR", 42))
print("PYPLAY_SURELY_UNSET_VAR" in os.environ)
os.environ["PYPLAY_TEST"] = "hello"
print(os.environ["PYPLAY_TEST"], os.getenv("PYPLAY_TEST"))
del os.environ["PYPLAY_TEST"]
print(os.getenv("PYPLAY_TEST", "gone"))
try:
    os.environ["PYPLAY_SURELY_UNSET_VAR"]
except KeyError:
    print("KeyError")
