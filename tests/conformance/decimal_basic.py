from decimal import Decimal, getcontext, ROUND_HALF_UP, localcontext, InvalidOperation
print(Decimal("0.1") + Decimal("0.2"))
print(Decimal(1) / Decimal(7))
print(Decimal("2.675").quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))
print(Decimal("1.30") * 2, Decimal("10").sqrt())
with localcontext() as ctx:
    ctx.prec = 5
    print(Decimal(1) / Decimal(3))
print(getcontext().prec)
print(Decimal("3.14159").as_tuple())
print(str(Decimal("1e3")), Decimal("1e3").to_integral_value(), int(Decimal("7.9")))
print(Decimal("-0"), Decimal("1.0") == Decimal("1"))
try:
    Decimal("abc")
except InvalidOperation:
    print("InvalidOperation")
