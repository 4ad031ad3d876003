import os.path
print(os.path.normpath("a//b/../c/./d"))
print(os.path.normpath("/../x/"), os.path.normpath(""), os.path.normpath("./"))
print(os.path.abspath("/a/b/../c"))
print(os.path.isabs(os.path.abspath("rel")))
print(os.path.relpath("/a/b/c", "/a"), os.path.relpath("/a", "/a/b/c"))
print(os.path.commonpath(["/usr/lib/x", "/usr/local"]))
