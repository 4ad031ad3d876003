# max_steps: 50
n = 0
while True:
    n += 1
