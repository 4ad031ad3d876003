class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def moved(self, dx):
        return Point(self.x + dx, self.y)


p = Point(1, 2)
q = p.moved(3)
print(p.x, q.x)
