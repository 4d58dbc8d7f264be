# Default sort of 10,000 random floats (twin of sort.du; sort returns a sorted copy, as Duso's does).
values = Array.new(10000) { rand * 10000 }
t0 = Process.clock_gettime(Process::CLOCK_MONOTONIC)
ordered = values.sort
ms = (Process.clock_gettime(Process::CLOCK_MONOTONIC) - t0) * 1000
puts "sort 10000 floats in #{ms}ms (first <= last: #{ordered[0] <= ordered[9999]})"
