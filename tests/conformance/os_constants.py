import os
print(os.curdir, os.pardir, os.extsep, os.altsep)
print(os.pathsep, os.devnull)
print(os.sep == os.path.sep, os.curdir == os.path.curdir)
print(type(os.defpath).__name__)
