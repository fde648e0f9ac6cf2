// The production server (`npm start`): Next's request handler behind the page cache in
// lib/server/render-cache.ts. `next dev` is unchanged; `npm start -- -p 3200 -H 127.0.0.1` takes
// the same port and host options as `next start`, and PORT and HOSTNAME as well.
// `npm run build` bundles this file to .next/production-server.mjs (npm's postbuild), so
// the server runs on plain Node, without a TypeScript loader.
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { parseArgs } from "node:util";
import next from "next";
import { config, parseConfig } from "./lib/config";
import { createRenderCache } from "./lib/server/render-cache";
import { RENDER_FOR_CACHE_HEADER } from "./lib/server/security";

const { values } = parseArgs({
  options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } },
  allowPositionals: true,
});
// The options win over PORT and HOSTNAME; lib/config.ts checks all three (and the rest).
const env = config();
const port = values.port === undefined ? env.PORT : parseConfig({ PORT: values.port }).PORT;
const hostname = values.hostname ?? env.HOSTNAME;
// Pages kept in memory, by URL: about 200 listing pages. Raise it with RENDER_CACHE_MB.
const maxBytes = env.RENDER_CACHE_MB * 1024 * 1024;

// Use the configuration next build resolved (as Next's own standalone server does), so
// starting does not compile next.config.ts, which loads the 24 MB SWC binding.
process.env.__NEXT_PRIVATE_STANDALONE_CONFIG ??= JSON.stringify(
  (JSON.parse(readFileSync(".next/required-server-files.json", "utf8")) as { config: unknown }).config,
);
const app = next({ dev: false, hostname, port });
const handler = app.getRequestHandler();
await app.prepare();

// Every path next build prerendered and never revalidates, from the build's own manifest:
// these cannot change while the server runs.
const manifest = JSON.parse(readFileSync(".next/prerender-manifest.json", "utf8")) as {
  routes: Record<string, { initialRevalidateSeconds?: number | false }>;
};
const prerendered = new Set(Object.keys(manifest.routes).filter((p) => manifest.routes[p].initialRevalidateSeconds === false));

const cache = createRenderCache((req, res) => handler(req, res), { maxBytes, production: true, prerendered });
// proxy.ts reads this to recognise the renders the cache asks for (and sends them no nonce).
process.env.RENDER_CACHE_SECRET = cache.secret;

createServer((req, res) => {
  cache.handle(req, res).catch((error: unknown) => {
    console.error(error);
    if (!res.headersSent) {
      res.statusCode = 500;
      res.end("Internal Server Error");
    } else res.destroy();
  });
}).listen(port, hostname, () => {
  console.log(
    `Childhood Sarcoma Directory on http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port} (page cache ${maxBytes >> 20} MB; ${RENDER_FOR_CACHE_HEADER} marks its renders)`,
  );
});
