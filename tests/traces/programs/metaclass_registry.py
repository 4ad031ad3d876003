registry = {}


class Registered(type):
    def __new__(mcls, name, bases, namespace):
        cls = super().__new__(mcls, name, bases, namespace)
        registry[name] = cls
        return cls


class Plugin(metaclass=Registered):
    pass


class Exporter(Plugin):
    pass


print(sorted(registry))
