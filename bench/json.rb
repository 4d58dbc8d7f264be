# JSON round trip: encode 5,000 small objects, then decode the text (twin of json.du). Keys are
# inserted in sorted order so the text is the one Duso's format_json writes (it sorts keys).
require 'json'

count = 5000
records = (1..count).map do |i|
  { active: i % 3 == 0, id: i, name: "user-#{i}", score: i * 1.5, tags: %w[a b c] }
end
t0 = Process.clock_gettime(Process::CLOCK_MONOTONIC)
text = JSON.generate(records)
encode_ms = (Process.clock_gettime(Process::CLOCK_MONOTONIC) - t0) * 1000
t0 = Process.clock_gettime(Process::CLOCK_MONOTONIC)
decoded = JSON.parse(text)
decode_ms = (Process.clock_gettime(Process::CLOCK_MONOTONIC) - t0) * 1000
puts "json #{count} objects: encode #{encode_ms}ms, decode #{decode_ms}ms, total #{encode_ms + decode_ms}ms (#{decoded.length} back)"
