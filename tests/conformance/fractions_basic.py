from fractions import Fraction
a = Fraction(1, 3); b = Fraction(2, 6)
print(a, a == b, a + b, a * 3, a / 2)
print(Fraction("0.25"), Fraction(0.5), Fraction("3/4") ** 2)
print(Fraction(355, 113).limit_denominator(10))
print(a.numerator, a.denominator, float(Fraction(1, 4)))
print(sorted([Fraction(1, 2), Fraction(1, 3), Fraction(2, 3)]))
print(repr(Fraction(5, 10)), int(Fraction(7, 2)), round(Fraction(7, 2)))
print(Fraction(1, 3) < 0.34, Fraction(3, 1) == 3)
