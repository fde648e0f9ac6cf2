/**
 * A few lines of plain JavaScript that run where they stand in the page: the site's only
 * client code. Production pages carry no React in the browser (lib/server/framework-scripts.ts),
 * so an interaction is progressive enhancement written like this, and every page works
 * the same without it. The CSP allows it by hash (prerendered pages, the page cache) or
 * by the request's nonce where a page is rendered per request.
 */
export function InlineScript({ code, nonce }: { code: string; nonce?: string | null }) {
  // suppressHydrationWarning: browsers hide a script's nonce from the DOM, so in
  // development, where React still hydrates, the attribute always looks different.
  return <script nonce={nonce ?? undefined} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: code }} />;
}
