squares = [n * n for n in range(4)]
evens = {n: n % 2 == 0 for n in range(3)}
print(squares, evens)
