// The static ceiling's server (ceiling.ts forks it): bare Node http, no framework, which
// answers every request with one page's bytes and headers from memory. Like `npm start` it
// runs one worker per core (Node's cluster; WEB_CONCURRENCY to choose), so the two are
// compared on the same cores. Plain JavaScript so that it runs on Node alone, without the
// TypeScript loader the benchmark runs under.
//
// Protocol (IPC): it receives { body: base64, headers: { name: value }, port } once, and
// replies { port } when every worker listens, or { error } if one cannot.
import cluster from "node:cluster";
import { createServer } from "node:http";
import { availableParallelism } from "node:os";

if (cluster.isPrimary) {
  process.once("message", (message) => {
    const workers = Number(process.env.WEB_CONCURRENCY) || availableParallelism();
    let listening = 0;
    for (let i = 0; i < workers; i++) {
      const worker = cluster.fork({ CEILING_PAGE: JSON.stringify(message) });
      worker.on("message", (m) => {
        if (m.error) process.send(m);
        else if (++listening === workers) process.send({ port: m.port });
      });
    }
  });
  // The benchmark ends this process when it is done, or by ending: without it, nothing here is needed.
  process.once("disconnect", () => {
    for (const w of Object.values(cluster.workers ?? {})) w?.kill();
    process.exit(0);
  });
} else {
  const message = JSON.parse(process.env.CEILING_PAGE);
  const body = Buffer.from(message.body, "base64");
  const headers = { ...message.headers, "content-length": String(body.length) };
  const server = createServer((req, res) => {
    // Read (and drop) any request body, as any server must before answering on a kept-alive connection.
    req.resume();
    res.writeHead(200, headers);
    res.end(body);
  });
  server.once("error", (error) => process.send({ error: String(error) }));
  server.listen(message.port, "127.0.0.1", () => process.send({ port: server.address().port }));
}
