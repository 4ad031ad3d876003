import fnmatch
names = ["a.py", "b.txt", "test_x.py", "README.md", "c.PY"]
print(fnmatch.filter(names, "*.py"))
print(fnmatch.fnmatchcase("c.PY", "*.py"), fnmatch.fnmatch("a.py", "?.py"))
print(fnmatch.fnmatch("test_x.py", "test_*"), fnmatch.fnmatch("x1", "x[0-9]"))
print(fnmatch.fnmatch("x!", "x[!a-z]"))
import re
pat = fnmatch.translate("*.txt")
print(re.match(pat, "notes.txt") is not None, re.match(pat, "notes.txt.bak"))
