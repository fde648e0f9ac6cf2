import { createHash } from "node:crypto";
import type { IncomingMessage } from "node:http";
import Negotiator from "negotiator";

// Which compressed copy a client gets. Pages are compressed once (prerendered ones by the
// build, kept ones when kept), so choosing is all a request costs.

export type Encoding = "br" | "gzip" | "identity";

const AVAILABLE: Encoding[] = ["br", "gzip", "identity"];
// Clients send few distinct Accept-Encoding values: each is parsed once.
const chosen = new Map<string, Encoding>();

/** The best encoding this client accepts (RFC 9110 q-values), brotli first among equals; identity if it refuses all three. */
export function chooseEncoding(req: IncomingMessage): Encoding {
  const header = req.headers["accept-encoding"] ?? "";
  const key = Array.isArray(header) ? header.join(",") : header;
  let encoding = chosen.get(key);
  if (encoding === undefined) {
    // negotiator 1.x takes the server's preference among equals; its types predate that option.
    const negotiator = new Negotiator({ headers: { "accept-encoding": key } }) as unknown as {
      encoding(available: Encoding[], options: { preferred: Encoding[] }): Encoding | undefined;
    };
    encoding = negotiator.encoding(AVAILABLE, { preferred: AVAILABLE }) ?? "identity";
    if (chosen.size < 256) chosen.set(key, encoding);
  }
  return encoding;
}

/** Whether an If-None-Match header names this ETag, by weak comparison (RFC 9110 13.1.2), or is "*". */
export function ifNoneMatchHits(ifNoneMatch: string | string[] | undefined, etag: string): boolean {
  if (typeof ifNoneMatch !== "string") return false;
  const opaque = etag.replace(/^W\//, "");
  return ifNoneMatch.split(",").some((t) => {
    const tag = t.trim();
    return tag === "*" || tag.replace(/^W\//, "") === opaque;
  });
}

/** Whether a body of this content type is worth compressing (text, JSON, XML, SVG). */
export const compressible = (type: string) => /^(text\/|application\/(json|manifest\+json|xml|javascript)|image\/svg\+xml)/.test(type);

/** A weak validator for a body: the first 160 bits of its SHA-256 (weak, so one tag serves every encoding of it). */
export const etagOf = (body: Uint8Array) => `W/"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;

/** One encoding of a body, ready for writeHead: the page's own headers (flat), then its encoding and length. */
export type EncodedBody = { headers: string[]; body: Buffer };

export const encodedBody = (headers: readonly string[], encoding: Encoding, body: Buffer): EncodedBody => ({
  headers: [...headers, ...(encoding === "identity" ? [] : ["content-encoding", encoding]), "content-length", String(body.length)],
  body,
});
