# Default sort of 10,000 random floats (twin of sort.du).
import random, time

values = [random.random() * 10000 for _ in range(10000)]
t0 = time.perf_counter()
ordered = sorted(values)
ms = (time.perf_counter() - t0) * 1000
print(f"sort 10000 floats in {ms}ms (first <= last: {ordered[0] <= ordered[-1]})")
