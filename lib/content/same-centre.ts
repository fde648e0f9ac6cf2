import type { Problem } from "./read";
import type { HospitalInput } from "./schema";

// One record per centre: merged network lists name the same hospital in different ways.

/** "Saint Jude Children's Research Hospital" and "St. Jude Children's Research Hospital" are one name. */
export function centreNameKey(name: string): string {
  return name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/['’]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .replace(/\bsaint\b/g, "st")
    .replace(/\b(the|and|of)\b/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

function websiteKey(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname.replace(/^www\./, "")}${u.pathname.replace(/\/+$/, "")}`.toLowerCase();
  } catch {
    return url.toLowerCase();
  }
}

/** Two records for one centre, found by name, website or phone: each pair is reported with both files. */
export function checkSameCentre(hospitals: { file: string; data: HospitalInput }[], problems: Problem[]) {
  const keys: [string, (h: HospitalInput) => string | undefined][] = [
    ["name", (h) => centreNameKey(h.name)],
    ["website", (h) => (h.website ? websiteKey(h.website.value) : undefined)],
    ["phone", (h) => (h.phone ? h.phone.value.replace(/\D/g, "") || undefined : undefined)],
  ];
  for (const [field, key] of keys) {
    const seen = new Map<string, string>();
    for (const { file, data } of hospitals) {
      const k = key(data);
      if (!k) continue;
      const first = seen.get(k);
      if (first) {
        problems.push({ file, field, message: `the same centre as ${first} (same ${field}): expected one record per centre; merge the two files` });
      } else seen.set(k, file);
    }
  }
}

