// Iterative fibonacci: fib(30) computed 10,000 times (twin of fib.du).
function fib(n) {
  if (n < 2) return n;
  let prev = 0, cur = 1;
  for (let k = 2; k <= n; k++) {
    const next = prev + cur;
    prev = cur;
    cur = next;
  }
  return cur;
}
const t0 = performance.now();
let answer = 0;
for (let round = 1; round <= 10000; round++) answer = fib(30);
const ms = performance.now() - t0;
console.log(`fib(30) x 10000 = ${answer} in ${ms}ms`);
