type Term = { slug: string; term: string; aliases: string[] };

/** Glossary terms a text uses: those it links, and those it names (a term or an alias, as a word). */
export function termsUsed<T extends Term>(texts: string[], glossary: T[]): T[] {
  const text = texts.join("\n");
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return glossary.filter(
    (t) =>
      text.includes(`/glossary#${t.slug}"`) ||
      new RegExp(`(?<![\\p{L}\\p{N}])(${[t.term, ...t.aliases].map(escape).join("|")})(?![\\p{L}\\p{N}])`, "iu").test(text),
  );
}
