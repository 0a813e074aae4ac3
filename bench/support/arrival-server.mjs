// A loopback HTTP server in its own process, so arrival times are stamped on an event loop
// the client does not share (as a vendor's would be). Prints its port; GET /__arrivals
// answers { [path prefix]: [ms, …] } and clears them. Exits when its parent disconnects.
import { createServer } from 'node:http';

const arrivals = {};
const server = createServer((request, response) => {
  const url = request.url ?? '';
  if (url === '/__arrivals') {
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(arrivals));
    for (const key of Object.keys(arrivals)) delete arrivals[key];
    return;
  }
  const prefix = url.slice(0, url.lastIndexOf('/') + 1);
  const list = arrivals[prefix] ?? [];
  list.push(performance.now());
  arrivals[prefix] = list;
  response.writeHead(200, { 'content-type': 'application/json' }).end('{"success":true}');
});
server.listen(0, '127.0.0.1', () => process.send?.({ port: server.address().port }));
process.on('disconnect', () => process.exit(0));
