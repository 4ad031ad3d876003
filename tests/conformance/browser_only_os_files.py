import os
for call in (lambda: os.listdir("."), lambda: os.mkdir("newdir"), lambda: open("f.txt", "w")):
    try:
        call()
        print("ok")
    except Exception as e:
        print(isinstance(e, OSError))
print(os.getcwd())
