def check(age):
    if age < 0:
        raise ValueError("age must be non-negative")
    return age


check(3)
check(-1)
print("never")
