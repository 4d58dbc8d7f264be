// Client orchestration, Node: N workers started together (Promise.all), each making 5
// sequential fetches of the delay server. Prints the wall time and how many succeeded.
//   node bench/cfetch.js N [url]
const n = Number(process.argv[2] || 100);
const url = process.argv[3] || 'http://127.0.0.1:18090/delay';
const rounds = 5;

async function worker() {
  let ok = 0;
  for (let i = 0; i < rounds; i++) {
    const r = await fetch(url);
    if ((await r.text()) === 'ok') ok++;
  }
  return ok;
}

const t0 = performance.now();
Promise.all(Array.from({ length: n }, worker)).then((counts) => {
  const ok = counts.reduce((a, b) => a + b, 0);
  console.log(`node n=${n} ok=${ok}/${n * rounds} in ${Math.round(performance.now() - t0)}ms`);
});
