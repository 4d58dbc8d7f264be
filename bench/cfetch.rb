# Client orchestration, Ruby: N threads started together, each making 5 sequential requests to
# the delay server over its own keep-alive connection (Net::HTTP.start keeps the socket open for
# the block). Prints the wall time and how many succeeded.
#   ruby bench/cfetch.rb N [url]
require 'net/http'
require 'uri'

n = (ARGV[0] || 100).to_i
uri = URI(ARGV[1] || 'http://127.0.0.1:18090/delay')
rounds = 5
ok = Array.new(n, 0)

t0 = Process.clock_gettime(Process::CLOCK_MONOTONIC)
threads = Array.new(n) do |i|
  Thread.new do
    Net::HTTP.start(uri.host, uri.port, open_timeout: 60, read_timeout: 60) do |http|
      rounds.times { ok[i] += 1 if http.get(uri.path).body == 'ok' }
    end
  rescue StandardError => e
    warn "worker #{i}: #{e.class}: #{e.message}"
  end
end
threads.each(&:join)
ms = ((Process.clock_gettime(Process::CLOCK_MONOTONIC) - t0) * 1000).round
puts "ruby n=#{n} ok=#{ok.sum}/#{n * rounds} in #{ms}ms"
