// Client orchestration, Node: N workers started together (Promise.all), each making 5
// sequential GETs of the delay server. Uses the http module with a keep-alive agent, Node's
// lightest client; `--fetch` uses the global fetch() (undici) instead, which costs several
// times the CPU and memory. Prints the wall time and how many succeeded.
//   node bench/cfetch.js N [url] [--fetch]
const http = require('http');

const args = process.argv.slice(2).filter((a) => a !== '--fetch');
const useFetch = process.argv.includes('--fetch');
const n = Number(args[0] || 100);
const url = args[1] || 'http://127.0.0.1:18090/delay';
const rounds = 5;
const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });

function get(target) {
  if (useFetch) {
    return fetch(target).then((r) => r.text());
  }
  return new Promise((resolve, reject) => {
    http.get(target, { agent }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => { body += chunk; });
      res.on('end', () => resolve(body));
    }).on('error', reject);
  });
}

async function worker() {
  let ok = 0;
  for (let i = 0; i < rounds; i++) {
    if ((await get(url)) === 'ok') ok++;
  }
  return ok;
}

const t0 = performance.now();
Promise.all(Array.from({ length: n }, worker)).then((counts) => {
  const ok = counts.reduce((a, b) => a + b, 0);
  console.log(`node${useFetch ? '-fetch' : ''} n=${n} ok=${ok}/${n * rounds} in ${Math.round(performance.now() - t0)}ms`);
  agent.destroy();
});
