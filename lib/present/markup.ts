import type { ElementContent } from "hast";
import { toHtml } from "hast-util-to-html";

// The listing's long lists (a box for each sarcoma type, country and service, an option for
// each city: several hundred elements) as one string of HTML, set as their parent's inner
// HTML, instead of an element each through React. On a listing the page cache has not kept,
// React's work grows with the elements (it renders each for the server payload and again
// as HTML); the city list alone cost about 3.7 ms of a 23 ms render. Built with hastscript
// and serialised by hast-util-to-html, which escapes text and attribute values, so a name
// reaches the page as text, as through React.

/** For `dangerouslySetInnerHTML`: the nodes serialised as HTML. */
export const innerHtml = (nodes: ElementContent[]): { __html: string } => ({ __html: toHtml(nodes) });
