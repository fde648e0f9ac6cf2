// The one way the site splits what a parent typed, or a name, into words: lowercased,
// Unicode-normalised, on anything that is not a letter or a digit. Pure.

/** "  Rhabdo (GOSH) " -> ["rhabdo", "gosh"]; `max` keeps the first few. */
export function wordsOf(text: string, max = Infinity): string[] {
  return text
    .toLowerCase()
    .normalize("NFKC")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, max);
}
