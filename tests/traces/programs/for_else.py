for n in [3, 5, 7]:
    if n % 2 == 0:
        print("even", n)
        break
else:
    print("no even number")
