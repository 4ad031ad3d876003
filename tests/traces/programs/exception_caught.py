def divide(a, b):
    return a / b


try:
    divide(1, 0)
except ZeroDivisionError as err:
    message = str(err)
print(message)
