// Synthetic content for the benchmark: the real reference content (places, services,
// glossary, sarcoma types, treatments, pathways, questions to ask, support organisations)
// plus N clearly fake hospitals with realistic fields and relations. Hospital i is the
// same for every N (its own seeded random stream), so /hospitals/synthetic-test-hospital-0042
// is one record at each size.
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import YAML from "yaml";
import { readContentFile } from "../../lib/content/read";
import type { Problem } from "../../lib/content/read";
import { resolveCities, type CityPosition, type Places } from "../../lib/content/places";
import { summaryGrade, MAX_SUMMARY_GRADE } from "../../lib/content/validate";

/** What hospitals can point at, read from the reference content being copied. */
type Vocabulary = {
  cities: { slug: string; name: string; country: string; latitude: number; longitude: number }[];
  services: string[];
  sarcomas: string[];
  treatments: string[];
};

const REFERENCE = ["places.md", "services.md", "glossary.md", "sarcomas", "treatments", "pathways"] as const;
/** Reference content that only some versions of the site have (the store of a later one needs it): copied when there. */
const REFERENCE_IF_PRESENT = ["centre-questions.md", "support"] as const;

export const SYNTHETIC_PREFIX = "synthetic-test-hospital-";

export function syntheticSlug(i: number): string {
  return `${SYNTHETIC_PREFIX}${String(i).padStart(4, "0")}`;
}

/** mulberry32: small, fast, good enough to spread test data; the same seed gives the same stream. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function readVocabulary(contentDir: string): Vocabulary {
  const front = (name: string) => {
    const raw = readContentFile(path.join(contentDir, name), name);
    if ("message" in raw) throw new Error(`${name}: ${raw.message}`);
    return raw.data;
  };
  const places = front("places.md") as Places;
  const positions = new Map<string, CityPosition>();
  const problems: Problem[] = [];
  resolveCities("places.md", places, positions, problems);
  if (problems.length) throw new Error(problems.map((p) => p.message).join("\n"));
  const services = front("services.md") as { services: { slug: string }[] };
  const slugs = (folder: string) =>
    readdirSync(path.join(contentDir, folder))
      .filter((n) => n.endsWith(".md"))
      .map((n) => n.slice(0, -3))
      .sort();
  return {
    cities: places.cities.map((c) => ({ slug: c.slug, name: c.name, country: c.country, ...positions.get(c.slug)! })),
    services: services.services.map((s) => s.slug),
    sarcomas: slugs("sarcomas"),
    treatments: slugs("treatments"),
  };
}

function isoDaysBefore(today: string, days: number): string {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

function sixMonthsAfter(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 182);
  return d.toISOString().slice(0, 10);
}

const KINDS = [
  "Children's hospital (synthetic test record)",
  "Teaching hospital with a children's cancer unit (synthetic test record)",
  "Cancer centre for children and young people (synthetic test record)",
  "Children's ward in a general hospital (synthetic test record)",
];

const SUMMARIES: ((name: string, city: string, types: number) => string)[] = [
  (name, city, types) =>
    `${name} is a made-up hospital in ${city}. It is here only to test how fast this site is. Our fake sources list ${types} types of sarcoma for it.`,
  (name, city) => `${name} is not a real hospital. It sits in ${city} only for a speed test. Do not use it to plan care.`,
  (name, city, types) => `This is a test record, not a real place. It says ${name} is in ${city} and treats ${types} types of sarcoma. None of it is true.`,
];
const FALLBACK_SUMMARY = (city: string) => `This is a fake test hospital in ${city}. It is not real. Do not use it.`;

const FACTS = [
  (short: string) => ({ text: `${short} says its team meets once a week to plan each child's care.`, kind: "claim" }),
  () => ({ text: "The children's cancer ward has its own play room and a school room.", kind: "fact" }),
  () => ({ text: "Families can stay in rooms near the ward while their child is treated.", kind: "fact" }),
  () => ({ text: "Children who need radiotherapy are sent to a partner centre nearby.", kind: "fact" }),
  (short: string) => ({ text: `${short} says it sees more children with sarcoma than any other hospital in its region.`, kind: "claim" }),
  () => ({ text: "The children's cancer unit is due to move to a new building.", kind: "change" }),
];

const BODIES = [
  "This record is synthetic. It exists so that the benchmark can measure pages with many hospitals.\n\nA biopsy is usually done here before treatment starts. The multidisciplinary team then plans each step with the family.",
  "This hospital is not real. Its details were made up by a script.\n\nChildren may have chemotherapy and radiotherapy at different sites. A key worker helps the family through each stage.",
];

/**
 * The filter values the written hospitals use, sorted: what a listing URL can ask for and
 * find something (a city and its country, a sarcoma type, a service), and every city, for
 * `near`.
 */
export type UsedVocabulary = { city: string[]; country: string[]; tumor: string[]; service: string[]; near: string[] };

/** One fake hospital as front matter and body; the same i always gives the same record. */
function hospitalFile(i: number, v: Vocabulary, today: string, used: Record<keyof UsedVocabulary, Set<string>>): string {
  const r = seededRandom(0x5eed ^ Math.imul(i + 1, 0x9e3779b1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(r() * items.length)];
  const chance = (p: number) => r() < p;
  const slug = syntheticSlug(i);
  const num = String(i).padStart(4, "0");
  const name = `Synthetic Test Hospital ${num}`;
  const short = `STH ${num}`;
  // London gets more hospitals, as it does in life; every other city is equally likely.
  const city = chance(0.15) ? v.cities.find((c) => c.slug === "london")! : pick(v.cities);
  const uk = city.country === "united-kingdom";

  const treats = v.sarcomas.filter((s) => chance(s === "rhabdomyosarcoma" ? 0.7 : s === "non-rhabdomyosarcoma-soft-tissue-sarcoma" ? 0.6 : 0.12));
  if (treats.length === 0) treats.push("rhabdomyosarcoma");
  const services = v.services.filter(() => chance(0.3));
  const treatments = v.treatments.filter(() => chance(0.1));
  used.city.add(city.slug);
  used.country.add(city.country);
  for (const t of treats) used.tumor.add(t);
  for (const s of services) used.service.add(s);

  let summary = pick(SUMMARIES)(name, city.name, treats.length);
  if (summaryGrade(summary) > MAX_SUMMARY_GRADE - 1) summary = FALLBACK_SUMMARY(city.name);

  const reviewed = isoDaysBefore(today, Math.floor(r() * 200));
  const usesDirectory = { value: false };
  const directory = <T extends object>(value: T) => {
    usesDirectory.value = true;
    return { ...value, source: "directory", unverified: true };
  };

  const data: Record<string, unknown> = {
    name,
    shortName: short,
    kind: { value: pick(KINDS), source: "home" },
    city: city.slug,
    citySource: "home",
    ...(chance(0.6) ? { region: `Synthetic district ${1 + Math.floor(r() * 40)}` } : {}),
    summary,
    ...(chance(0.7)
      ? {
          coordinates: {
            latitude: Math.round((city.latitude + (r() - 0.5) * 0.16) * 1e5) / 1e5,
            longitude: Math.round((city.longitude + (r() - 0.5) * 0.16) * 1e5) / 1e5,
            source: "home",
          },
        }
      : {}),
    ...(chance(0.6) ? { address: directory({ value: `${1 + Math.floor(r() * 300)} Example Road, ${city.name}` }) } : {}),
    ...(uk && chance(0.5) ? { postcode: directory({ value: `ZZ${Math.floor(r() * 99)} ${Math.floor(r() * 9)}ZZ` }) } : {}),
    ...(chance(0.7)
      ? {
          // One number per record (the build refuses two centres with one phone), none of them real.
          phone: { value: `000 ${num}${uk ? "" : " 1"}`, label: "Main switchboard (a fictional number)", source: "home" },
        }
      : {}),
    website: { value: `https://example.org/synthetic/${slug}`, source: "home" },
    ...(chance(0.6)
      ? { agesServed: { value: pick(["Children aged 0 to 16", "Children and young people up to 18", "Children up to 19"]), source: "cancer" } }
      : {}),
    ...(chance(0.5)
      ? { referral: { value: "Families are referred by their family doctor or local hospital. The team then calls to book a first visit.", source: "cancer" } }
      : {}),
    ...(chance(0.3) ? { secondOpinion: { value: "The team gives second opinions when another hospital asks for one.", source: "cancer" } } : {}),
    ...(chance(0.2) ? { internationalPatients: { value: "An office helps families from other countries to arrange care.", source: "home" } } : {}),
    ...(chance(0.4) ? { team: { value: "Children's cancer doctors, surgeons, nurses and a key worker for each family.", source: "cancer" } } : {}),
    sarcomaTypes: treats.map((sarcoma) => ({ sarcoma, source: "cancer", ...(chance(0.1) ? { note: "Listed on the fake cancer service page" } : {}) })),
    services: services.map((service) => ({ service, source: pick(["home", "cancer"]) })),
    treatments: treatments.map((treatment) => ({ treatment, source: "cancer" })),
    facts: Array.from({ length: 1 + Math.floor(r() * 4) }, () => {
      const f = pick(FACTS)(short);
      return { ...f, source: pick(["home", "cancer"]), ...(f.kind === "change" ? { date: isoDaysBefore(today, 30 + Math.floor(r() * 300)) } : {}) };
    }),
    reviewed,
    nextReview: sixMonthsAfter(reviewed),
    sources: [
      { id: "home", url: `https://example.org/synthetic/${slug}`, title: `Home page of ${name} (fake)`, publisher: `${name} (fake)` },
      { id: "cancer", url: `https://example.org/synthetic/${slug}/childrens-cancer`, title: `Children's cancer service at ${name} (fake)` },
      ...(usesDirectory.value
        ? [{ id: "directory", url: `https://directory.example.com/${slug}`, title: `Fake third-party directory entry for ${name}`, directory: true }]
        : []),
    ],
  };
  const body = chance(0.5) ? `${pick(BODIES)}\n` : "";
  return `---\n${YAML.stringify(data, { lineWidth: 0 })}---\n${body}`;
}

/**
 * Writes `<outDir>/` as a content folder: the reference files copied from `referenceDir`
 * and N synthetic hospitals. Anything already in outDir is removed first. Returns the
 * filter values the hospitals use.
 */
export function writeSyntheticContent(referenceDir: string, outDir: string, n: number, today: string): UsedVocabulary {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(path.join(outDir, "hospitals"), { recursive: true });
  for (const entry of REFERENCE) cpSync(path.join(referenceDir, entry), path.join(outDir, entry), { recursive: true });
  for (const entry of REFERENCE_IF_PRESENT) {
    if (existsSync(path.join(referenceDir, entry))) cpSync(path.join(referenceDir, entry), path.join(outDir, entry), { recursive: true });
  }
  const vocab = readVocabulary(outDir);
  const used = { city: new Set<string>(), country: new Set<string>(), tumor: new Set<string>(), service: new Set<string>(), near: new Set<string>() };
  for (const c of vocab.cities) used.near.add(c.slug);
  for (let i = 0; i < n; i++) {
    writeFileSync(path.join(outDir, "hospitals", `${syntheticSlug(i)}.md`), hospitalFile(i, vocab, today, used));
  }
  const sorted = (s: Set<string>) => [...s].sort();
  return { city: sorted(used.city), country: sorted(used.country), tumor: sorted(used.tumor), service: sorted(used.service), near: sorted(used.near) };
}
