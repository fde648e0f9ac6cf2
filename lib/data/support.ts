import "server-only";
import { labelOf, SUPPORT_OFFERS, type SupportKind, type SupportOfferKind } from "../domain";
import { prisma } from "./db";
import { once } from "./memo";
import { sourceSelect, type SourceList, type SourceRef } from "./sources";

type Sourced = { value: string; unverified: boolean; source: SourceRef };
export type SupportView = {
  slug: string;
  name: string;
  kind: SupportKind;
  summary: string;
  summarySource: SourceRef;
  website: Sourced;
  phone: (Sourced & { label: string | null; hours: string | null }) | null;
  email: Sourced | null;
  offers: { what: SupportOfferKind; label: string; detail: string; unverified: boolean; source: SourceRef }[];
  reviewed: string;
  nextReview: string;
  reviewedBy: string | null;
};
export type CountrySupport = { country: { slug: string; name: string }; organisations: SupportView[] };


async function supportRows(countrySlugs: string[] | null) {
  return prisma.supportOrg.findMany({
    where: countrySlugs ? { countrySlug: { in: countrySlugs } } : undefined,
    include: {
      country: { select: { slug: true, name: true } },
      summarySource: sourceSelect,
      fields: { include: { source: sourceSelect } },
      offers: { include: { source: sourceSelect }, orderBy: { position: "asc" } },
    },
    orderBy: { position: "asc" },
  });
}
type Row = Awaited<ReturnType<typeof supportRows>>[number];

// Every country's organisations, as rows: small, the same for every request until a rebuild.
const allRows = once("support", () => supportRows(null));

function view(r: Row, list: SourceList): SupportView {
  const field = (key: string) => r.fields.find((f) => f.key === key);
  const sourced = (key: string) => {
    const f = field(key);
    return f ? { value: f.value, unverified: f.unverified, source: list.ref(f.source) } : null;
  };
  const website = sourced("website")!;
  const phoneRow = field("phone");
  return {
    slug: r.slug,
    name: r.name,
    kind: r.kind as SupportKind,
    summary: r.summary,
    summarySource: list.ref(r.summarySource),
    website,
    phone: phoneRow ? { ...sourced("phone")!, label: phoneRow.label, hours: phoneRow.hours } : null,
    email: sourced("email"),
    offers: r.offers.map((o) => ({
      what: o.what as SupportOfferKind,
      label: labelOf(SUPPORT_OFFERS, o.what),
      detail: o.detail,
      unverified: o.unverified,
      source: list.ref(o.source),
    })),
    reviewed: r.reviewed,
    nextReview: r.nextReview,
    reviewedBy: r.reviewedBy,
  };
}

/**
 * Help for families in the given countries (every country when `countrySlugs` is null), by
 * country in the order asked (by name for all), each organisation's sources numbered on
 * the page's own list.
 */
export async function getSupport(countrySlugs: string[] | null, list: SourceList): Promise<CountrySupport[]> {
  const rows = (await allRows()).filter((r) => !countrySlugs || countrySlugs.includes(r.countrySlug));
  const byCountry = new Map<string, CountrySupport>();
  const order = countrySlugs ?? [...new Set(rows.map((r) => r.countrySlug))].sort((a, b) => nameOf(rows, a).localeCompare(nameOf(rows, b)));
  for (const slug of order) {
    const orgs = rows.filter((r) => r.countrySlug === slug);
    if (orgs.length) byCountry.set(slug, { country: orgs[0].country, organisations: orgs.map((r) => view(r, list)) });
  }
  return [...byCountry.values()];
}

function nameOf(rows: Row[], slug: string): string {
  return rows.find((r) => r.countrySlug === slug)?.country.name ?? slug;
}
