# Regex on a ~50 KB text (twin of regex.du): per iteration, a match? that scans the whole text and
# a list of every word match as {text, pos, len} hashes, as Duso's find() returns.
count = 10
text = File.read(File.join(__dir__, 'data', 'text.txt'), encoding: 'UTF-8')
t0 = Process.clock_gettime(Process::CLOCK_MONOTONIC)
words = 0
hits = 0
count.times do
  hits += 1 if text.match?(/\d+-\d+/)
  found = []
  text.scan(/\w+/) do
    m = Regexp.last_match
    found << { text: m[0], pos: m.begin(0), len: m[0].length }
  end
  words += found.length
end
ms = (Process.clock_gettime(Process::CLOCK_MONOTONIC) - t0) * 1000
puts "regex x#{count} words=#{words} hits=#{hits} in #{ms}ms"
