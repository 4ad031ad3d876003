total = sum(n * n for n in range(3))
print(total)
