# Nested loop: 1000 x 1000 iterations of sum += i * j (twin of loop.du).
t0 = Process.clock_gettime(Process::CLOCK_MONOTONIC)
total = 0
i = 1
while i <= 1000
  j = 1
  while j <= 1000
    total += i * j
    j += 1
  end
  i += 1
end
ms = (Process.clock_gettime(Process::CLOCK_MONOTONIC) - t0) * 1000
puts "nested loop 1000x1000 sum = #{total} in #{ms}ms"
