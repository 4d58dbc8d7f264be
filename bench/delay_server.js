// The 1 s delay server the client orchestration benchmark shares between every client:
// GET /delay answers "ok" after one second; /ping at once. Keep-alive on, a deep accept
// backlog so 5,000 clients connecting at once are not dropped to SYN retries.
//   node bench/delay_server.js [port]
const http = require('http');
const port = Number(process.argv[2] || 18090);
const server = http.createServer((req, res) => {
  req.resume();
  const reply = () => {
    res.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Length': 2 });
    res.end('ok');
  };
  if (req.url.startsWith('/delay')) {
    setTimeout(reply, 1000);
  } else {
    reply();
  }
});
server.keepAliveTimeout = 65000;
server.headersTimeout = 66000;
server.requestTimeout = 0;
server.listen({ port, host: '127.0.0.1', backlog: 8192 }, () => console.log(`listening on ${port}`));
