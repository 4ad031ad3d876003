data = [4, 2, 3, 1]
n = len(data)
for i in range(n):
    for j in range(n - 1 - i):
        if data[j] > data[j + 1]:
            data[j], data[j + 1] = data[j + 1], data[j]
print(data)
