// Nested loop: 1000 x 1000 iterations of sum += i * j (twin of loop.du).
const t0 = performance.now();
let total = 0;
for (let i = 1; i <= 1000; i++) {
  for (let j = 1; j <= 1000; j++) {
    total += i * j;
  }
}
const ms = performance.now() - t0;
console.log(`nested loop 1000x1000 sum = ${total} in ${ms}ms`);
