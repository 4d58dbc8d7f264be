// Default sort of 10,000 random floats (twin of sort.du; numeric comparator as Duso sorts numbers).
const values = [];
for (let i = 0; i < 10000; i++) values.push(Math.random() * 10000);
const t0 = performance.now();
const ordered = [...values].sort((a, b) => a - b);
const ms = performance.now() - t0;
console.log(`sort 10000 floats in ${ms}ms (first <= last: ${ordered[0] <= ordered[9999]})`);
