// JSON round trip: encode 5,000 small objects, then decode the text (twin of json.du).
const count = 5000;
const records = [];
for (let i = 1; i <= count; i++) {
  records.push({ id: i, name: "user-" + i, active: i % 3 === 0, score: i * 1.5, tags: ["a", "b", "c"] });
}
let t0 = performance.now();
const text = JSON.stringify(records);
const encodeMs = performance.now() - t0;
t0 = performance.now();
const decoded = JSON.parse(text);
const decodeMs = performance.now() - t0;
console.log(`json ${count} objects: encode ${encodeMs}ms, decode ${decodeMs}ms, total ${encodeMs + decodeMs}ms (${decoded.length} back)`);
