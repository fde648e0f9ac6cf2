import { createHash } from "node:crypto";

// Security headers and the Content-Security-Policy. Pure functions: proxy.ts and the
// production server apply them, tests/unit/security.test.ts checks them. Which page gets
// which policy is the route table's answer (lib/server/routes.ts).

const directives = (dev: boolean) => [
  "default-src 'self'",
  // next dev's overlay and indicator set inline styles; production has none.
  dev ? "style-src 'self' 'unsafe-inline'" : "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
];

/** Dynamic pages: only scripts carrying this request's nonce, and what they load, run. */
export function nonceCsp(nonce: string, dev = false): string {
  return [...directives(dev), `script-src 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`].join("; ");
}

/**
 * Prerendered and kept pages: same-origin files plus the exact inline scripts of that page
 * (their SHA-256 hashes). An injected inline script matches
 * no hash and does not run; the page stays static and cacheable. In development the
 * pages are next dev's, whose inline scripts no build hashed, so they run inline scripts
 * (with a hash listed, a browser would ignore 'unsafe-inline').
 */
export function hashCsp(hashes: string[], dev = false): string {
  const sources = dev ? ["'self'", "'unsafe-inline'", "'unsafe-eval'"] : ["'self'", ...hashes.map((h) => `'sha256-${h}'`)];
  return [...directives(dev), `script-src ${sources.join(" ")}`].join("; ");
}

export const PERMISSIONS_POLICY = [
  "accelerometer=()",
  "autoplay=()",
  "camera=()",
  "display-capture=()",
  "encrypted-media=()",
  "fullscreen=()",
  "geolocation=()",
  "gyroscope=()",
  "magnetometer=()",
  "microphone=()",
  "midi=()",
  "payment=()",
  "publickey-credentials-get=()",
  "screen-wake-lock=()",
  "serial=()",
  "usb=()",
  "xr-spatial-tracking=()",
  "browsing-topics=()",
].join(", ");

/** Headers every response carries. HSTS only in production, where the site is on HTTPS. */
export function baseHeaders(production: boolean): Record<string, string> {
  return {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": PERMISSIONS_POLICY,
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    ...(production ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}

/** True when a path's percent-encoding is broken (`/hospitals/%ZZ`): answer 400, not 500. */
export function hasMalformedEncoding(rawPath: string): boolean {
  try {
    decodeURIComponent(rawPath);
    return false;
  } catch {
    return true;
  }
}

/** The text of each inline script in a page that executes (JSON-LD and other data blocks never run). */
export function inlineScripts(html: string): string[] {
  const scripts: string[] = [];
  for (const m of html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/g)) {
    const attrs = m[1] ?? "";
    if (/\ssrc=/.test(attrs) || m[2] === "") continue;
    const type = attrs.match(/\stype="([^"]*)"/)?.[1];
    if (type && type !== "text/javascript" && type !== "module") continue;
    scripts.push(m[2]);
  }
  return scripts;
}

/** The SHA-256 of each inline script that executes, for the CSP (data blocks need no hash). */
export function inlineScriptHashes(html: string): string[] {
  return [...new Set(inlineScripts(html).map((text) => createHash("sha256").update(text, "utf8").digest("base64")))];
}
