people = [("ann", 31), ("bob", 25)]
by_age = sorted(people, key=lambda person: person[1])
print(by_age)
