import { NextResponse, type NextRequest } from "next/server";
import { takesNonce } from "@/lib/server/routes";
import { baseHeaders, hashCsp, hasMalformedEncoding, nonceCsp } from "@/lib/server/security";

// Every request Next handles passes here: the security headers, and the CSP a page starts
// with. Which pages get a nonce is the route table's answer (lib/server/routes.ts). Every
// other page starts with a policy that allows no inline script; the production server
// (lib/server/render-cache.ts) replaces it with the hashes of the page's own inline
// scripts once it has the HTML, and sends prerendered pages without calling Next at all.

const production = process.env.NODE_ENV === "production";

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
    const response = new NextResponse(body, { status: 400, headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "private, no-store" } });
    return withHeaders(response, nonceCsp("none"));
  }
  if (takesNonce(rawPath)) {
    const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
    const csp = nonceCsp(nonce, !production);
    // Next reads the nonce from this request header and puts it on its own scripts.
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set("Content-Security-Policy", csp);
    requestHeaders.set("x-nonce", nonce);
    return withHeaders(NextResponse.next({ request: { headers: requestHeaders } }), csp);
  }
  return withHeaders(NextResponse.next(), hashCsp([], !production));
}

export const config = {
  // Everything but Next's own static files, which carry no HTML.
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico).*)" }],
};
