# Nested loop: 1000 x 1000 iterations of sum += i * j (twin of loop.du).
import time

t0 = time.perf_counter()
total = 0
for i in range(1, 1001):
    for j in range(1, 1001):
        total += i * j
ms = (time.perf_counter() - t0) * 1000
print(f"nested loop 1000x1000 sum = {total} in {ms}ms")
