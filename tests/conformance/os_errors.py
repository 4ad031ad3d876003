import os
for name, args in [("listdir", ("/nope/definitely/missing",)), ("stat", ("/nope/missing",)),
                   ("remove", ("/nope/missing",)), ("rmdir", ("/nope/missing",))]:
    try:
        getattr(os, name)(*args)
        print(name, "no error")
    except Exception as exc:
        print(name, isinstance(exc, OSError))
print(os.path.exists("/nope/missing"), os.path.isfile("/nope/missing"))
try:
    open("/nope/missing.txt")
except Exception as exc:
    print("open", isinstance(exc, OSError))
