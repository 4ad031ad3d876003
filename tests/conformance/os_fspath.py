import os, pathlib
p = pathlib.PurePosixPath("/home/user/data/file.csv")
print(p.name, p.suffix, p.stem, p.parent)
print(p.parts)
print(os.fspath(p))
print(p.with_suffix(".json"))
print(pathlib.PurePosixPath("a") / "b" / "c")
print(p.match("*.csv"), p.relative_to("/home"))
