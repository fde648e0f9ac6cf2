import { InlineScript } from "./inline-script";

// The parent's filters ride along in the profile's query string. Profiles are prerendered,
// so the server cannot see that query: the link goes to the whole list, and this script
// puts the query back on it. Without JavaScript the browser's Back button keeps the filters.
const KEEP_FILTERS = `(function(){var a=document.getElementById("back-to-list");if(a&&location.search.length>1)a.href="/hospitals"+location.search})()`;

/** "Back to the list", keeping the parent's filters where the page has them. */
export function BackToList() {
  return (
    <>
      {/* The script changes href before next dev's React hydrates: expected, not a mismatch. */}
      <a id="back-to-list" href="/hospitals" suppressHydrationWarning>
        ← Back to the list of hospitals
      </a>
      <InlineScript code={KEEP_FILTERS} />
    </>
  );
}
