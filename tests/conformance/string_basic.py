import string
t = string.Template("$who likes ${what}!")
print(t.substitute(who="tim", what="kung pao"))
print(t.safe_substitute(who="ann"))
try:
    t.substitute(who="x")
except KeyError as e:
    print("KeyError", e.args)
print(string.capwords("hello   big world"), string.capwords("a-b c-d", "-"))
print(string.ascii_lowercase, string.digits, string.hexdigits)
print(len(string.punctuation), len(string.printable), repr(string.whitespace))
print(string.Formatter().format("{0}-{x}", 1, x=2))
print("{:>8.2f}|{:<5}|{:^7}|{:08b}|{:,}".format(3.14159, "ab", "mid", 5, 1234567))
