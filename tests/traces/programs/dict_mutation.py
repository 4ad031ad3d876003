stock = {"apple": 3}
stock["pear"] = 5
stock["apple"] -= 1
del stock["pear"]
print(stock)
