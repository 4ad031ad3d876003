def mean(values):
    assert values, "need at least one value"
    return sum(values) / len(values)


print(mean([1, 2]))
mean([])
