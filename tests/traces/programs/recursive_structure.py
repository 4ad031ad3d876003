loop = [1]
loop.append(loop)
d = {"self": None}
d["self"] = d
print(loop, d)
