import { readFileSync } from "node:fs";
import path from "node:path";
import { NextResponse, type NextRequest } from "next/server";
import { baseHeaders, hashCsp, hasMalformedEncoding, isDynamicPage, nonceCsp, RENDER_FOR_CACHE_HEADER } from "@/lib/server/security";

const production = process.env.NODE_ENV === "production";

let hashes: Record<string, string[]> | null = null;
function pageHashes(pathname: string): string[] {
  if (!hashes) {
    try {
      hashes = JSON.parse(readFileSync(path.join(process.cwd(), ".next", "csp-hashes.json"), "utf8")) as Record<string, string[]>;
    } catch {
      hashes = {};
    }
  }
  // A path with no prerendered page of its own is answered by the prerendered 404 page.
  return hashes[pathname] ?? hashes["/_not-found"] ?? [];
}

function withHeaders(response: NextResponse, csp: string): NextResponse {
  for (const [k, v] of Object.entries(baseHeaders(production))) response.headers.set(k, v);
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export function proxy(request: NextRequest) {
  const rawPath = request.nextUrl.pathname;
  if (hasMalformedEncoding(rawPath)) {
    const body =
      '<!doctype html><html lang="en-GB"><title>Bad address</title><h1>That address is not valid</h1><p>Part of the link is broken. <a href="/">Go to the home page</a>.</p></html>';
    return withHeaders(new NextResponse(body, { status: 400, headers: { "Content-Type": "text/html; charset=utf-8" } }), nonceCsp("none"));
  }
  // A render server.ts asked for to cache: no nonce (the cache would share it); the server
  // sets a CSP with the hashes of the page's own inline scripts once it has the HTML.
  const cacheSecret = process.env.RENDER_CACHE_SECRET;
  if (cacheSecret && request.headers.get(RENDER_FOR_CACHE_HEADER) === cacheSecret) {
    return withHeaders(NextResponse.next(), hashCsp([], !production));
  }
  if (isDynamicPage(rawPath)) {
    const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
    const csp = nonceCsp(nonce, !production);
    // Next reads the nonce from this request header and puts it on its own scripts.
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set("Content-Security-Policy", csp);
    requestHeaders.set("x-nonce", nonce);
    return withHeaders(NextResponse.next({ request: { headers: requestHeaders } }), csp);
  }
  return withHeaders(NextResponse.next(), hashCsp(pageHashes(rawPath), !production));
}

export const config = {
  // Everything but Next's own static files, which carry no HTML.
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico).*)" }],
};
