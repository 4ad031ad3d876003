import io
import os
import pathlib
import tempfile

with tempfile.TemporaryDirectory() as top:
    notes = os.path.join(top, "notes.txt")
    with open(notes, "w", encoding="utf-8") as f:
        f.write("one\ntwo\n")
        print(f.writable(), f.readable(), f.mode)
    with open(notes, "a") as f:
        print("three", file=f)
    with open(notes) as f:
        print(f.readline(), end="")
        print([line.rstrip() for line in f])
    with open(notes, "r+") as f:
        f.seek(0, io.SEEK_END)
        f.write("four\n")
        f.seek(0)
        print(f.read().split())
    try:
        open(notes, "x")
    except FileExistsError as e:
        print("exists:", e.errno)
    try:
        with open(notes) as f:
            f.write("no")
    except io.UnsupportedOperation as e:
        print("read-only:", e)
    data = pathlib.Path(top, "blob.bin")
    data.write_bytes(bytes(range(5)))
    print(data.read_bytes(), data.stat().st_size, data.suffix)
    print(sorted(p.name for p in pathlib.Path(top).iterdir()))
    pathlib.Path(top, "pkg", "sub").mkdir(parents=True)
    pathlib.Path(top, "pkg", "sub", "mod.py").write_text("x = 1\n")
    print([str(p.relative_to(top)) for p in sorted(pathlib.Path(top).rglob("*.py"))])
    with tempfile.NamedTemporaryFile("w+", dir=top, suffix=".log") as t:
        t.write("temp")
        t.seek(0)
        print(t.read(), os.path.dirname(t.name) == top)
    try:
        open(os.path.join(top, "missing", "x.txt"))
    except FileNotFoundError as e:
        print(e.strerror)
    with open(os.devnull, "w") as sink:
        print("discarded", file=sink)
print(os.path.exists(top))
