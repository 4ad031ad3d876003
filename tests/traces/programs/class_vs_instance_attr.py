class Account:
    rate = 0.01

    def __init__(self, owner):
        self.owner = owner


a = Account("ann")
b = Account("bob")
a.rate = 0.05
print(a.rate, b.rate, Account.rate)
