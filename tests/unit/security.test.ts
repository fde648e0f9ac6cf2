import { describe, expect, it } from "vitest";
import { baseHeaders, hashCsp, hasMalformedEncoding, inlineScriptHashes, nonceCsp } from "@/lib/server/security";

describe("content security policy", () => {
  const required = ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'"];

  it("nonce policy: only this request's scripts and what they load", () => {
    const csp = nonceCsp("abc123");
    for (const d of required) expect(csp).toContain(d);
    expect(csp).toContain("script-src 'nonce-abc123' 'strict-dynamic'");
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).not.toContain("unsafe-eval");
  });

  it("hash policy: same-origin files and the page's own inline scripts", () => {
    const csp = hashCsp(["AAA=", "BBB="]);
    for (const d of required) expect(csp).toContain(d);
    expect(csp).toContain("script-src 'self' 'sha256-AAA=' 'sha256-BBB='");
    expect(csp).not.toContain("unsafe-inline");
  });

  it("in development, lets next dev's own inline scripts and styles run, which no build hashed", () => {
    const csp = hashCsp(["AAA="], true);
    for (const d of required) expect(csp).toContain(d);
    expect(csp).toContain("script-src 'self' 'unsafe-inline' 'unsafe-eval'");
    expect(csp).not.toContain("sha256-");
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(nonceCsp("abc", true)).toContain("style-src 'self' 'unsafe-inline'");
    expect(nonceCsp("abc")).toContain("style-src 'self';");
  });

  it("hashes inline scripts that run, not external or data scripts", () => {
    const html = `<script src="/a.js"></script><script>self.x=1</script><script type="application/ld+json">{"a":1}</script><script id="_R_">go()</script>`;
    // sha256("self.x=1") and sha256("go()"), base64.
    expect(inlineScriptHashes(html)).toEqual(["OeQ5f9lOMes7jOc0cGCXX08CnAERweUkLpVXXpflaLg=", "5KYv+PUboo5h+0+YAtGRPbwv5d/QxzHslP4YGnUaxRw="]);
  });

  it("sends HSTS for a year or more in production only", () => {
    const hsts = baseHeaders(true)["Strict-Transport-Security"];
    expect(Number(hsts.match(/max-age=(\d+)/)![1])).toBeGreaterThanOrEqual(31_536_000);
    expect(baseHeaders(false)).not.toHaveProperty("Strict-Transport-Security");
    expect(baseHeaders(true)).toMatchObject({ "X-Content-Type-Options": "nosniff", "Referrer-Policy": "strict-origin-when-cross-origin" });
  });

  it("spots broken percent-encoding", () => {
    expect(hasMalformedEncoding("/hospitals/%ZZ")).toBe(true);
    expect(hasMalformedEncoding("/hospitals/%E2%9C")).toBe(true);
    expect(hasMalformedEncoding("/hospitals/caf%C3%A9")).toBe(false);
  });
});
