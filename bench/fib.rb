# Iterative fibonacci: fib(30) computed 10,000 times (twin of fib.du).
def fib(n)
  return n if n < 2
  prev = 0
  cur = 1
  k = 2
  while k <= n
    nxt = prev + cur
    prev = cur
    cur = nxt
    k += 1
  end
  cur
end

t0 = Process.clock_gettime(Process::CLOCK_MONOTONIC)
answer = 0
round = 1
while round <= 10000
  answer = fib(30)
  round += 1
end
ms = (Process.clock_gettime(Process::CLOCK_MONOTONIC) - t0) * 1000
puts "fib(30) x 10000 = #{answer} in #{ms}ms"
