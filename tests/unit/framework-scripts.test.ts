import { describe, expect, it } from "vitest";
import { withoutFrameworkScripts } from "@/lib/server/framework-scripts";

// The shape of a page as next build writes it (Next 16, Turbopack), cut down: the
// framework's files, their preload, the bundler's bootstrap, the React payload, and the
// page's own stylesheet, icon, JSON-LD and enhancement script.
const HEAD_KEPT =
  '<meta charSet="utf-8"/><link rel="stylesheet" href="/_next/static/chunks/3z_1er86qaall.css" data-precedence="next"/>' +
  '<link rel="icon" href="/icon.svg?icon.3b7eaq05g16ns.svg" sizes="any" type="image/svg+xml"/>';
const FRAMEWORK_HEAD =
  '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/41mprv1-o9284.js"/>' +
  '<script src="/_next/static/chunks/25oefsv43hnxo.js" async=""></script>' +
  '<script src="/_next/static/chunks/0cz1d0mv5g_q7.js" noModule="" nonce="abc"></script>' +
  '<link rel="modulepreload" href="/_next/static/chunks/x.js"/>';
const BOOTSTRAP = '<script id="_R_">(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push([document.currentScript, 1])</script>';
const PAYLOAD =
  "<script>(self.__next_f=self.__next_f||[]).push([0])</script>" +
  '<script nonce="abc">self.__next_f.push([1,"1:\\"$Sreact.fragment\\"\\n2:I[\\"\\u003cscript\\u003e\\"]"])</script>';
const OWN =
  '<script type="application/ld+json">{"@context":"https://schema.org","name":"A \\u003c B"}</script>' +
  '<a id="back-to-list" href="/hospitals">Back</a><script>(function(){var a=document.getElementById("back-to-list")})()</script>' +
  '<script src="/enhance.js" defer=""></script>';

const page = (head: string, body: string) =>
  `<!DOCTYPE html><html lang="en-GB"><head>${head}</head><body><main><h1>Rhabdomyosarcoma</h1>${body}</main></body></html>`;

describe("withoutFrameworkScripts", () => {
  it("removes Next's scripts, preloads, bootstrap and payload, and nothing else", () => {
    const built = page(HEAD_KEPT + FRAMEWORK_HEAD, OWN + BOOTSTRAP + PAYLOAD);
    expect(withoutFrameworkScripts(built)).toBe(page(HEAD_KEPT, OWN));
  });

  it("leaves a page with none of the framework exactly as it was", () => {
    const plain = page(HEAD_KEPT, OWN);
    expect(withoutFrameworkScripts(plain)).toBe(plain);
  });

  it("keeps a page's own inline script even when it mentions the framework's names", () => {
    const own = '<script>console.log("self.__next_f is not here")</script>';
    expect(withoutFrameworkScripts(page(HEAD_KEPT, own))).toBe(page(HEAD_KEPT, own));
  });

  it("keeps stylesheets and other links to the framework's folder", () => {
    const links = '<link rel="preload" as="style" href="/_next/static/chunks/a.css"/><link rel="preload" as="script" href="/elsewhere.js"/>';
    expect(withoutFrameworkScripts(page(links, ""))).toBe(page(links, ""));
  });
});
