// Regex on a ~50 KB text (twin of regex.du): per iteration, a test that scans the whole text and
// a list of every word match as {text, pos, len} objects, as Duso's find() returns.
const fs = require('fs');
const path = require('path');
const count = 10;
const text = fs.readFileSync(path.join(__dirname, 'data', 'text.txt'), 'utf8');
const t0 = performance.now();
let words = 0;
let hits = 0;
for (let i = 1; i <= count; i++) {
  if (/\d+-\d+/.test(text)) hits++;
  const found = [];
  for (const m of text.matchAll(/\w+/g)) found.push({ text: m[0], pos: m.index, len: m[0].length });
  words += found.length;
}
const ms = performance.now() - t0;
console.log(`regex x${count} words=${words} hits=${hits} in ${ms}ms`);
