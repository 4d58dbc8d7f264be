# Iterative fibonacci: fib(30) computed 10,000 times (twin of fib.du).
import time

def fib(n):
    if n < 2:
        return n
    prev, cur = 0, 1
    for _ in range(2, n + 1):
        prev, cur = cur, prev + cur
    return cur

t0 = time.perf_counter()
answer = 0
for _ in range(10000):
    answer = fib(30)
ms = (time.perf_counter() - t0) * 1000
print(f"fib(30) x 10000 = {answer} in {ms}ms")
