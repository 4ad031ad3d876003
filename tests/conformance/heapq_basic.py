import heapq
h = []
for x in [5, 1, 8, 3, 2]:
    heapq.heappush(h, x)
print(h[0], [heapq.heappop(h) for _ in range(len(h))])
data = [9, 4, 7, 1]
heapq.heapify(data)
print(data[0], heapq.heappushpop(data, 0), heapq.heapreplace(data, 10))
print(heapq.nlargest(3, [4, 8, 1, 9, 3]), heapq.nsmallest(2, [4, 8, 1, 9, 3]))
print(heapq.nsmallest(2, ["bb", "a", "ccc"], key=len))
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [3])))
tasks = []
for pri, name in [(2, "write"), (1, "read"), (3, "exit")]:
    heapq.heappush(tasks, (pri, name))
print([heapq.heappop(tasks)[1] for _ in range(3)])
