// One folding of place names, shared by the content build (matching content cities to the
// gazetteer, writing PlaceName keys) and by request-time look-ups (lib/data/near.ts). Pure.

// Letters NFD does not split into a base letter and an accent.
const FOLDED: Record<string, string> = { ø: "o", đ: "d", ð: "d", ł: "l", ß: "ss", æ: "ae", œ: "oe", þ: "th", ı: "i", ħ: "h" };

/**
 * Lowercase, without accents or punctuation, "Saint" written "st": "Saint-Étienne",
 * "saint etienne" and "St. Etienne" match, as do "Malmö" and "malmo".
 */
export function placeKey(name: string): string {
  return name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[øđðłßæœþıħ]/g, (c) => FOLDED[c])
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .replace(/\bsaint\b/g, "st")
    .replace(/\bsainte\b/g, "ste");
}
