x = [1]
y = [2]
x, y = y, x
print(x, y)
