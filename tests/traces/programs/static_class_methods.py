class Date:
    def __init__(self, year):
        self.year = year

    @classmethod
    def from_text(cls, text):
        return cls(int(text))

    @staticmethod
    def is_leap(year):
        return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


d = Date.from_text("2024")
print(d.year, Date.is_leap(d.year))
