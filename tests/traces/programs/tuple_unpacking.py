pair = (1, [2, 3])
first, second = pair
second.append(4)
head, *tail = [1, 2, 3]
print(pair, head, tail)
