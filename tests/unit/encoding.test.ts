import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { chooseEncoding, etagOf, ifNoneMatchHits } from "@/lib/server/encoding";

const asking = (acceptEncoding?: string) => ({ headers: acceptEncoding === undefined ? {} : { "accept-encoding": acceptEncoding } }) as IncomingMessage;

describe("content negotiation", () => {
  it("sends brotli to a client that takes it, gzip to one that takes only that, and honours q-values", () => {
    expect(chooseEncoding(asking("gzip, deflate, br"))).toBe("br");
    expect(chooseEncoding(asking("gzip"))).toBe("gzip");
    expect(chooseEncoding(asking("br;q=0, gzip"))).toBe("gzip");
    expect(chooseEncoding(asking("gzip;q=1, br;q=0.5"))).toBe("gzip");
    expect(chooseEncoding(asking("deflate"))).toBe("identity");
    expect(chooseEncoding(asking())).toBe("identity");
    expect(chooseEncoding(asking("*"))).toBe("br");
  });

  it("matches If-None-Match by weak comparison, in a list or as *", () => {
    const tag = etagOf(Buffer.from("page"));
    expect(tag).toMatch(/^W\/"[A-Za-z0-9_-]{27}"$/);
    expect(etagOf(Buffer.from("page!"))).not.toBe(tag);
    expect(ifNoneMatchHits(tag, tag)).toBe(true);
    expect(ifNoneMatchHits(`"x", ${tag.slice(2)}`, tag)).toBe(true);
    expect(ifNoneMatchHits("*", tag)).toBe(true);
    expect(ifNoneMatchHits('W/"other"', tag)).toBe(false);
    expect(ifNoneMatchHits(undefined, tag)).toBe(false);
  });
});
