funcs = []
for i in range(3):
    funcs.append(lambda: i)
print([f() for f in funcs])
fixed = [lambda i=i: i for i in range(3)]
print([f() for f in fixed])
