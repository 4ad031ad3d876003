def shout(func):
    def wrapper(*args):
        return func(*args).upper()

    return wrapper


@shout
def greet(name):
    return "hi " + name


print(greet("ann"))
