import { availableParallelism } from "node:os";
import { describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/config";

describe("the environment (lib/config.ts)", () => {
  it("runs a fresh clone on its defaults", () => {
    expect(parseConfig({})).toEqual({
      SITE_URL: "http://localhost:3000",
      COUNT_QUERIES: "0",
      RENDER_CACHE_MB: 64,
      WEB_CONCURRENCY: availableParallelism(),
      CACHE_MAX_AGE: 300,
      CACHE_STALE_SECONDS: 3600,
      PORT: 3000,
      HOSTNAME: "0.0.0.0",
    });
  });

  it("reads what is set, as the types the code uses", () => {
    const c = parseConfig({
      SITE_URL: "https://sarcoma.example.org/",
      DATABASE_PATH: "/tmp/x.db",
      COUNT_QUERIES: "1",
      RENDER_CACHE_MB: "16",
      WEB_CONCURRENCY: "3",
      CACHE_MAX_AGE: "60",
      CACHE_STALE_SECONDS: "0",
      PORT: "8080",
      HOSTNAME: "127.0.0.1",
    });
    expect(c).toEqual({
      SITE_URL: "https://sarcoma.example.org",
      DATABASE_PATH: "/tmp/x.db",
      COUNT_QUERIES: "1",
      RENDER_CACHE_MB: 16,
      WEB_CONCURRENCY: 3,
      CACHE_MAX_AGE: 60,
      CACHE_STALE_SECONDS: 0,
      PORT: 8080,
      HOSTNAME: "127.0.0.1",
    });
  });

  it("treats an empty value as unset", () => {
    expect(parseConfig({ SITE_URL: "", PORT: "" })).toMatchObject({ SITE_URL: "http://localhost:3000", PORT: 3000 });
  });

  it("names every wrong value and what was expected, all at once", () => {
    let message = "";
    try {
      parseConfig({ SITE_URL: "sarcoma.example.org", PORT: "eighty", RENDER_CACHE_MB: "-1", COUNT_QUERIES: "yes", WEB_CONCURRENCY: "0" });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain("5 values");
    expect(message).toMatch(/WEB_CONCURRENCY="0": expected at least 1 worker/);
    expect(message).toMatch(/SITE_URL="sarcoma.example.org": expected an http\(s\) URL/);
    expect(message).toMatch(/PORT="eighty": expected a port number/);
    expect(message).toMatch(/RENDER_CACHE_MB="-1": expected more than 0 MB/);
    expect(message).toMatch(/COUNT_QUERIES="yes": expected "1"/);
  });

  it("refuses a URL that is not a web address", () => {
    expect(() => parseConfig({ SITE_URL: "ftp://example.org" })).toThrow(/SITE_URL/);
  });
});
