import "server-only";
import { cache } from "react";
import { HOSPITAL_FIELDS, type HospitalFieldKey } from "../domain";
import { prisma } from "./db";
import { distanceKm, positionOf } from "../present/geo";
import { namesType } from "./hospital-index";
import { GROUP_ORDER } from "./sarcomas";
import { factsInclude, factViews, SourceList, sourceSelect, type FactView, type SourceRef } from "./sources";
import { getSupport, type CountrySupport } from "./support";
import { SOFT_TISSUE_SARCOMA_CONDITION, trialsSearchUrl } from "../params/trials";

export type SourcedValue = { value: string; label: string | null; unverified: boolean; source: SourceRef };
export type LinkView = { slug: string; name: string; note?: string | null; source: SourceRef };
/** A service a source says is offered (available) or, only where a source says so, is not. */
export type ServiceView = LinkView & { available: boolean };
/** A network the centre belongs to, with the date of the list that says so. */
export type MembershipView = LinkView & { shortName: string; listDate: string; listDateKind: string };
/** A sarcoma type the centre counts for only through a network whose source covers it. */
export type NetworkTypeView = { slug: string; name: string; networks: string[] };

export type HospitalProfile = {
  slug: string;
  name: string;
  shortName: string;
  kind: string | null;
  region: string | null;
  summary: string;
  bodyHtml: string;
  city: { slug: string; name: string };
  country: { slug: string; name: string };
  position: { latitude: number; longitude: number; approximate: boolean; source: SourceRef };
  /** The source that gives the city, where the record names one. */
  citySource: SourceRef | null;
  fields: Partial<Record<HospitalFieldKey, SourcedValue>>;
  sarcomaTypes: LinkView[];
  /** The second tier: types it counts for through its networks, and not on its own pages. */
  networkTypes: NetworkTypeView[];
  networks: MembershipView[];
  services: ServiceView[];
  treatments: LinkView[];
  facts: FactView[];
  /** Places for families to stay that a source names for this centre. */
  accommodation: { name: string; note: string; unverified: boolean; source: SourceRef }[];
  /** Help for families in the centre's country. */
  support: CountrySupport[];
  /** ClinicalTrials.gov's search for recruiting children's sarcoma trials in the centre's town. */
  trialsUrl: string;
  sources: SourceRef[];
  /** How many of `sources` the hospital's own record cites; the rest are its country's help for families. */
  ownSources: number;
  reviewed: string;
  nextReview: string;
  reviewedBy: string | null;
  sameCity: { slug: string; name: string }[];
  nearby: { slug: string; name: string; city: string; km: number }[];
};


/** Everything a hospital profile shows; `null` for an unknown slug. Cached per request. */
export const getHospital = cache(async (slug: string): Promise<HospitalProfile | null> => {
  const h = await prisma.hospital.findUnique({
    where: { slug },
    include: {
      city: { include: { country: true, source: sourceSelect } },
      fields: { include: { source: sourceSelect } },
      facts: factsInclude,
      accommodation: { include: { source: sourceSelect }, orderBy: { position: "asc" } },
      sarcomaTypes: { include: { sarcoma: { select: { slug: true, name: true, position: true, group: true } }, source: sourceSelect } },
      services: { include: { service: true, source: sourceSelect }, orderBy: { service: { position: "asc" } } },
      treatments: { include: { treatment: { select: { slug: true, name: true } }, source: sourceSelect } },
      networks: {
        include: {
          network: { select: { slug: true, name: true, shortName: true, listDate: true, listDateKind: true, position: true, sarcomaTypes: { select: { sarcoma: { select: { slug: true, name: true, position: true, group: true, parentSlug: true } } } } } },
          source: sourceSelect,
        },
      },
    },
  });
  if (!h) return null;

  // The town as the gazetteer names it, with its region: "London, Ontario" is London in Ontario.
  const town = h.city.geonameId === null ? null : await prisma.place.findUnique({ where: { id: h.city.geonameId }, select: { name: true, region: true } });
  const others = await prisma.hospital.findMany({
    where: { slug: { not: slug } },
    select: { slug: true, name: true, citySlug: true, latitude: true, longitude: true, city: { select: { name: true, latitude: true, longitude: true } } },
  });

  // Sources are numbered in the order the page first cites them.
  const list = new SourceList();
  const fields: HospitalProfile["fields"] = {};
  const byKey = new Map(h.fields.map((f) => [f.key, f]));
  for (const key of HOSPITAL_FIELDS) {
    const f = byKey.get(key);
    if (f) fields[key] = { value: f.value, label: f.label, unverified: f.unverified, source: list.ref(f.source) };
  }
  const { at, approximate } = positionOf(h);
  const own = byKey.get("coordinates");
  const position = { ...at, approximate, source: list.ref(own && !approximate ? own.source : h.city.source) };
  const sarcomaTypes = [...h.sarcomaTypes]
    .sort((a, b) => GROUP_ORDER.indexOf(a.sarcoma.group) - GROUP_ORDER.indexOf(b.sarcoma.group) || a.sarcoma.position - b.sarcoma.position)
    .map((s) => ({ slug: s.sarcoma.slug, name: s.sarcoma.name, note: s.note, source: list.ref(s.source) }));
  const citySource = byKey.get("city");
  const services = h.services.map((s) => ({ slug: s.service.slug, name: s.service.name, note: s.note, available: s.available, source: list.ref(s.source) }));
  const memberships = [...h.networks].sort((a, b) => a.network.position - b.network.position);
  const networks = memberships.map((m) => ({
    slug: m.network.slug,
    name: m.network.name,
    shortName: m.network.shortName,
    listDate: m.network.listDate,
    listDateKind: m.network.listDateKind,
    note: m.note,
    source: list.ref(m.source),
  }));
  // A type named on its own pages (or its group) is first tier; the rest its networks cover are second.
  const named = new Set(h.sarcomaTypes.map((s) => s.sarcoma.slug));
  const networkTypes = new Map<string, NetworkTypeView & { group: string; position: number }>();
  for (const m of memberships) {
    for (const { sarcoma } of m.network.sarcomaTypes) {
      if (namesType(named, sarcoma.slug, sarcoma.parentSlug)) continue;
      const entry = networkTypes.get(sarcoma.slug) ?? { slug: sarcoma.slug, name: sarcoma.name, networks: [], group: sarcoma.group, position: sarcoma.position };
      entry.networks.push(m.network.shortName);
      networkTypes.set(sarcoma.slug, entry);
    }
  }
  const treatments = h.treatments.map((t) => ({ slug: t.treatment.slug, name: t.treatment.name, note: t.note, source: list.ref(t.source) }));
  const facts = factViews(h.facts, list);
  const accommodation = h.accommodation.map((a) => ({ name: a.name, note: a.note, unverified: a.unverified, source: list.ref(a.source) }));
  const ownSources = list.all().length;
  const support = await getSupport([h.city.country.slug], list);

  return {
    slug: h.slug,
    name: h.name,
    shortName: h.shortName,
    kind: h.kind,
    region: h.region,
    summary: h.summary,
    bodyHtml: h.bodyHtml,
    city: { slug: h.city.slug, name: h.city.name },
    country: { slug: h.city.country.slug, name: h.city.country.name },
    position,
    citySource: citySource ? list.ref(citySource.source) : null,
    fields,
    sarcomaTypes,
    networkTypes: [...networkTypes.values()]
      .sort((a, b) => GROUP_ORDER.indexOf(a.group) - GROUP_ORDER.indexOf(b.group) || a.position - b.position)
      .map(({ slug, name, networks }) => ({ slug, name, networks })),
    networks,
    services,
    treatments,
    facts,
    accommodation,
    support,
    trialsUrl: trialsSearchUrl(SOFT_TISSUE_SARCOMA_CONDITION, {
      kind: "city",
      city: town?.name ?? h.city.name,
      region: town?.region,
      country: h.city.country.name,
    }),
    sources: list.all(),
    ownSources,
    reviewed: h.reviewed,
    nextReview: h.nextReview,
    reviewedBy: h.reviewedBy,
    sameCity: others.filter((o) => o.citySlug === h.citySlug).map((o) => ({ slug: o.slug, name: o.name })),
    nearby: others
      .filter((o) => o.citySlug !== h.citySlug)
      .map((o) => ({
        slug: o.slug,
        name: o.name,
        city: o.city.name,
        km: distanceKm(at, positionOf(o).at),
      }))
      .sort((a, b) => a.km - b.km)
      .slice(0, 3),
  };
});

/** Every hospital slug, for prerendering profiles and the sitemap. */
export async function listHospitalSlugs(): Promise<string[]> {
  const rows = await prisma.hospital.findMany({ select: { slug: true }, orderBy: { slug: "asc" } });
  return rows.map((r) => r.slug);
}
