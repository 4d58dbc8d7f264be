// Node's minimal stdlib server with the same endpoints as bench/server.du.
// Run: node bench/server_node.js 8091
const http = require('http');
const port = Number(process.argv[2] || 8091);
http.createServer((req, res) => {
  if (req.url === '/ping') {
    res.writeHead(200, {'Content-Type': 'text/plain; charset=utf-8'});
    res.end('pong');
  } else if (req.url === '/delay') {
    setTimeout(() => {
      res.writeHead(200, {'Content-Type': 'text/plain; charset=utf-8'});
      res.end('done');
    }, 1000);
  } else {
    res.writeHead(404);
    res.end('404 page not found\n');
  }
}).listen(port, '127.0.0.1');
