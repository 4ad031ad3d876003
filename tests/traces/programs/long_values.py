text = "x" * 100
numbers = list(range(60))
big = 2 ** 200
print(len(text), len(numbers))
