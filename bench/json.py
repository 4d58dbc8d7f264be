# JSON round trip: encode 5,000 small objects, then decode the text (twin of json.du).
import json, time

count = 5000
records = [{"id": i, "name": f"user-{i}", "active": i % 3 == 0, "score": i * 1.5, "tags": ["a", "b", "c"]}
           for i in range(1, count + 1)]
t0 = time.perf_counter()
text = json.dumps(records, separators=(",", ":"), sort_keys=True)
encode_ms = (time.perf_counter() - t0) * 1000
t0 = time.perf_counter()
decoded = json.loads(text)
decode_ms = (time.perf_counter() - t0) * 1000
print(f"json {count} objects: encode {encode_ms}ms, decode {decode_ms}ms, total {encode_ms + decode_ms}ms ({len(decoded)} back)")
