def countdown(n):
    while n > 0:
        yield n
        n -= 1


gen = countdown(3)
print(next(gen))
print(next(gen))
for rest in gen:
    print("rest", rest)
