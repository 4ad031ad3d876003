import os
import shutil
import tempfile

top = tempfile.mkdtemp()
for path in ["README.md", "src/app.py", "src/utils/text.py", "tests/test_app.py", ".git/HEAD"]:
    full = os.path.join(top, *path.split("/"))
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "w") as f:
        f.write(path.upper())

found = []
for dirpath, dirnames, filenames in os.walk(top):
    dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
    for name in sorted(filenames):
        rel = os.path.relpath(os.path.join(dirpath, name), top)
        found.append((rel, os.path.getsize(os.path.join(dirpath, name))))
print(found)
print(sorted(e.name for e in os.scandir(top) if e.is_dir()))
print(os.path.isdir(os.path.join(top, "src")), os.path.isfile(os.path.join(top, "src")))
try:
    os.makedirs(os.path.join(top, "src"))
except FileExistsError as e:
    print(type(e).__name__, e.errno)
try:
    os.rmdir(os.path.join(top, "src"))
except OSError as e:
    print(type(e).__name__, e.strerror)
os.rename(os.path.join(top, "README.md"), os.path.join(top, "README.txt"))
print(sorted(os.listdir(top)))
shutil.rmtree(top)
print(os.path.exists(top))
