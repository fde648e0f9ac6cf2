import type { Element, ElementContent, Root, Text } from "hast";
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { SKIP, visit } from "unist-util-visit";
import type { VFile } from "vfile";

export type GlossaryEntry = { slug: string; term: string; aliases: string[] };

type Matcher = { pattern: RegExp | null; slugByWord: ReadonlyMap<string, string> };

// One pattern per glossary (and excluded term), compiled once: a build links thousands of pages.
const matchers = new WeakMap<GlossaryEntry[], Map<string | undefined, Matcher>>();

function matcherFor(entries: GlossaryEntry[], exclude: string | undefined): Matcher {
  let byExclude = matchers.get(entries);
  if (!byExclude) matchers.set(entries, (byExclude = new Map()));
  const known = byExclude.get(exclude);
  if (known) return known;
  const slugByWord = new Map<string, string>();
  const words: string[] = [];
  for (const e of entries) {
    if (e.slug === exclude) continue;
    for (const w of [e.term, ...e.aliases]) {
      const key = w.toLowerCase();
      if (!slugByWord.has(key)) {
        slugByWord.set(key, e.slug);
        words.push(w);
      }
    }
  }
  words.sort((a, b) => b.length - a.length);
  const escaped = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  const pattern = escaped.length ? new RegExp(`(?<![\\p{L}\\p{N}])(${escaped.join("|")})(?![\\p{L}\\p{N}])`, "giu") : null;
  const matcher = { pattern, slugByWord };
  byExclude.set(exclude, matcher);
  return matcher;
}

/**
 * Links the first mention of each glossary term on a page. One Linker serves one page:
 * it remembers which terms it has linked, so later passages on the same page do not
 * link them again.
 */
export class Linker {
  private readonly pattern: RegExp | null;
  private readonly slugByWord: ReadonlyMap<string, string>;
  private readonly seen = new Set<string>();

  constructor(entries: GlossaryEntry[], exclude?: string) {
    ({ pattern: this.pattern, slugByWord: this.slugByWord } = matcherFor(entries, exclude));
  }

  /** Splits a text into text and link nodes, linking terms not yet linked on this page. */
  link(value: string): ElementContent[] {
    if (!this.pattern) return [{ type: "text", value }];
    const out: ElementContent[] = [];
    let last = 0;
    for (const match of value.matchAll(this.pattern)) {
      const slug = this.slugByWord.get(match[0].toLowerCase());
      if (!slug || this.seen.has(slug)) continue;
      this.seen.add(slug);
      const start = match.index ?? 0;
      if (start > last) out.push({ type: "text", value: value.slice(last, start) });
      out.push({
        type: "element",
        tagName: "a",
        properties: { href: `/glossary#${slug}` },
        children: [{ type: "text", value: match[0] }],
      });
      last = start + match[0].length;
    }
    if (last === 0) return [{ type: "text", value }];
    if (last < value.length) out.push({ type: "text", value: value.slice(last) });
    return out;
  }
}

// The page's Linker travels with each file (file.data), so one processor serves every page.
function rehypeGlossary() {
  return (tree: Root, file: VFile) => {
    const linker = (file.data as { linker?: Linker }).linker;
    if (!linker) return;
    visit(tree, (node, index, parent) => {
      if (node.type === "element" && (node as Element).tagName === "a") return SKIP;
      if (node.type !== "text" || !parent || index === undefined) return;
      const parts = linker.link((node as Text).value);
      if (parts.length === 1 && parts[0].type === "text") return;
      (parent as Element).children.splice(index, 1, ...parts);
      return index + parts.length;
    });
  };
}

// GitHub's sanitising schema with links narrowed to http(s), mailto and tel. No raw HTML
// gets this far (remark-rehype drops it); this is the second line of defence.
const schema: SanitizeSchema = {
  ...defaultSchema,
  protocols: { ...defaultSchema.protocols, href: ["http", "https", "mailto", "tel"] },
};

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype)
  .use(rehypeGlossary)
  .use(rehypeSanitize, schema)
  .use(rehypeStringify)
  .freeze();

/** Markdown to sanitised HTML, optionally linking glossary terms on the way. */
export function renderMarkdown(markdown: string, linker?: Linker): string {
  if (!markdown.trim()) return "";
  return String(processor.processSync({ value: markdown, data: { linker } }));
}
