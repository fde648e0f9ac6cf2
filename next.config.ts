import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // server.ts tags each prerendered page once (lib/server/render-cache.ts); Next would hash the
  // whole page for its ETag on every request.
  generateEtags: false,
  reactStrictMode: true,
  // better-sqlite3 is a native addon: load it from node_modules at run time, never bundle it.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3"],
};

export default nextConfig;
