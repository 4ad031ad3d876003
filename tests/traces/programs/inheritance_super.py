class Animal:
    def __init__(self, name):
        self.name = name

    def speak(self):
        return "..."


class Dog(Animal):
    def __init__(self, name, tricks):
        super().__init__(name)
        self.tricks = tricks

    def speak(self):
        return "Woof"


rex = Dog("Rex", ["sit"])
print(rex.name, rex.speak(), rex.tricks)
