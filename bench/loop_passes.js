// The nested loop of loop.js run 20 times in one process (twin of loop_passes.du).
const passes = [];
let total = 0;
for (let pass = 1; pass <= 20; pass++) {
  const t0 = performance.now();
  total = 0;
  for (let i = 1; i <= 1000; i++) {
    for (let j = 1; j <= 1000; j++) total += i * j;
  }
  passes.push(Math.floor((performance.now() - t0) * 10) / 10);
}
console.log(`loop passes ms: ${passes.join(" ")} (sum ${total})`);
