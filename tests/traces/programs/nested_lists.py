row = [0] * 2
grid = [row] * 2
grid[0][0] = 1
safe = [[0] * 2 for _ in range(2)]
safe[0][0] = 1
print(grid, safe)
