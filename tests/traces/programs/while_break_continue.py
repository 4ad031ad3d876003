n = 0
found = []
while True:
    n += 1
    if n % 2:
        continue
    found.append(n)
    if len(found) == 2:
        break
print(found)
