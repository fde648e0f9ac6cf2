import { describe, expect, it } from "vitest";
import { Linker, renderMarkdown } from "@/lib/content/markdown";

describe("renderMarkdown sanitises", () => {
  it("drops script tags and raw HTML", () => {
    const html = renderMarkdown('Hello <script>alert(1)</script> <img src=x onerror="alert(2)"> <b onclick="x()">bold</b>');
    expect(html).not.toMatch(/<script|onerror|onclick|<img|alert\(2\)/i);
    expect(html).toContain("Hello");
  });

  it("strips javascript: and data: links but keeps https links", () => {
    const html = renderMarkdown("[bad](javascript:alert(1)) [worse](data:text/html,x) [good](https://example.org/a)");
    expect(html).not.toMatch(/javascript:|data:text/i);
    expect(html).toContain('<a href="https://example.org/a">good</a>');
  });

  it("keeps ordinary markdown", () => {
    expect(renderMarkdown("Some **bold** text\n\n- one\n- two")).toBe("<p>Some <strong>bold</strong> text</p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>");
  });
});

describe("glossary linking", () => {
  const terms = [
    { slug: "biopsy", term: "Biopsy", aliases: ["biopsies"] },
    { slug: "mdt", term: "Multidisciplinary team", aliases: ["MDT"] },
  ];

  it("links only the first mention of each term on a page, across passages", () => {
    const linker = new Linker(terms);
    const first = renderMarkdown("A biopsy, then another biopsy. The MDT meets.", linker);
    const second = renderMarkdown("More biopsies and the multidisciplinary team.", linker);
    expect(first.match(/href="\/glossary#biopsy"/g)).toHaveLength(1);
    expect(first).toContain('<a href="/glossary#mdt">MDT</a>');
    expect(second).not.toContain("/glossary#");
  });

  it("matches whole words only and never inside an existing link", () => {
    const linker = new Linker(terms);
    expect(renderMarkdown("Biopsyish words stay plain. [a biopsy link](https://example.org)", linker)).not.toContain("/glossary#");
  });
});
