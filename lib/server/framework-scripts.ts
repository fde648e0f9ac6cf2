// Pages as the production server sends them: without the framework's JavaScript.
//
// Every page here is complete HTML from the server, and every link is a plain <a>, so
// React in the browser has nothing to do but hydrate what is already there. Yet Next
// sends every page about 135 kB (compressed) of React and its router, plus the page's
// React payload repeated inline (often more than half of the HTML). On a mid-range phone
// evaluating that took 200 ms or more of blocking work, and on a fast connection it ran
// before the first paint (see "Performance" in README.md). What interaction the site has
// (the listing's filters submit on change; a profile's link back to the filtered list) is
// a few lines of inline script written by the components that need it (InlineScript).
//
// lib/server/render-cache.ts applies this once per URL it keeps, and once per prerendered page.
// `next dev` and a bare `next start` still send the framework; the pages work the same.

/** Where Next serves its built JavaScript. */
const FRAMEWORK_FILES = "/_next/static/";

/** How Next's own inline scripts begin: the React payload, and the bundler's bootstrap. */
const FRAMEWORK_INLINE = /^\s*(\(?self\.__next_[fs]\b|\(globalThis\["TURBOPACK"\]|\(self\.webpackChunk)/;

/** Whether a <script> element (its attributes and text) is Next's, not the page's own. */
function isFrameworkScript(attributes: string, text: string): boolean {
  const src = attributes.match(/\ssrc="([^"]*)"/)?.[1];
  if (src !== undefined) return src.startsWith(FRAMEWORK_FILES);
  return FRAMEWORK_INLINE.test(text);
}

/** Whether a <link> asks the browser to fetch one of Next's scripts early. */
function isFrameworkPreload(link: string): boolean {
  const rel = link.match(/\srel="([^"]*)"/)?.[1];
  const as = link.match(/\sas="([^"]*)"/)?.[1];
  const href = link.match(/\shref="([^"]*)"/)?.[1] ?? "";
  return href.startsWith(FRAMEWORK_FILES) && (rel === "modulepreload" || (rel === "preload" && as === "script"));
}

/**
 * The page without Next's scripts and script preloads. Scripts of the page's own (its
 * enhancements, JSON-LD) are kept as they are. Next writes its inline payload with `<`
 * escaped, so no `</script>` appears inside a script's text.
 */
export function withoutFrameworkScripts(html: string): string {
  return html
    .replace(/<script\b([^>]*)>([\s\S]*?)<\/script>/g, (element, attributes: string, text: string) => (isFrameworkScript(attributes, text) ? "" : element))
    .replace(/<link\b[^>]*>/g, (link) => (isFrameworkPreload(link) ? "" : link));
}
