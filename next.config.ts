import { availableParallelism } from "node:os";
import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // server.ts tags each prerendered page once (lib/server/render-cache.ts); Next would hash the
  // whole page for its ETag on every request.
  generateEtags: false,
  reactStrictMode: true,
  // better-sqlite3 is a native addon: load it from node_modules at run time, never bundle it.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3"],
  // The browser tests' build (playwright.config.ts) runs after `npm test` has run tsc on the
  // same code, so it skips Next's second type check; every other build checks types.
  typescript: { ignoreBuildErrors: process.env.BUILD_AFTER_TYPECHECK === "1" },
  experimental: {
    // Prerender with every core (Next's default leaves one free, which on two cores is half).
    cpus: availableParallelism(),
  },
};

export default nextConfig;
