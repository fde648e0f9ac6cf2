import "server-only";
import { cache } from "react";
import { labelOf, NETWORK_SCOPES } from "../domain";
import { prisma } from "./db";
import { passageInclude, passagesByKey, type PassageView } from "./passages";
import { SourceList, sourceSelect, type SourceRef } from "./sources";

export const NETWORK_SECTIONS = ["about", "membership"] as const;


export type NetworkSummaryView = {
  slug: string;
  name: string;
  shortName: string;
  summary: string;
  country: string | null;
  members: number;
  scopeLabel: string | null;
};

/** Every network with its number of member centres, for the networks index. */
export async function listNetworks(): Promise<NetworkSummaryView[]> {
  const rows = await prisma.network.findMany({
    select: { slug: true, name: true, shortName: true, summary: true, scope: true, country: { select: { name: true } }, _count: { select: { hospitals: true } } },
    orderBy: { position: "asc" },
  });
  return rows.map((n) => ({
    slug: n.slug,
    name: n.name,
    shortName: n.shortName,
    summary: n.summary,
    country: n.country?.name ?? null,
    members: n._count.hospitals,
    scopeLabel: n.scope ? labelOf(NETWORK_SCOPES, n.scope) : null,
  }));
}

export type NetworkPage = {
  slug: string;
  name: string;
  shortName: string;
  summary: string;
  bodyHtml: string;
  country: { slug: string; name: string } | null;
  passages: Record<string, PassageView>;
  scope: { label: string; text: string; source: SourceRef } | null;
  sarcomaTypes: { slug: string; name: string }[];
  list: { date: string; dateKind: string; source: SourceRef };
  website: string | null;
  members: { slug: string; name: string; city: string; country: string; note: string | null; source: SourceRef }[];
  sources: SourceRef[];
  reviewed: string;
  nextReview: string;
  reviewedBy: string | null;
};


/** Everything a network's page shows; `null` for an unknown slug. Cached per request. */
export const getNetwork = cache(async (slug: string): Promise<NetworkPage | null> => {
  const n = await prisma.network.findUnique({
    where: { slug },
    include: {
      country: { select: { slug: true, name: true } },
      passages: passageInclude,
      listSource: sourceSelect,
      scopeSource: sourceSelect,
      sarcomaTypes: { select: { sarcoma: { select: { slug: true, name: true, position: true } } } },
      hospitals: {
        include: {
          hospital: { select: { slug: true, name: true, city: { select: { name: true, country: { select: { name: true } } } } } },
          source: sourceSelect,
        },
      },
    },
  });
  if (!n) return null;
  const list = new SourceList();
  const passages = passagesByKey(n.passages, [...NETWORK_SECTIONS], list);
  return {
    slug: n.slug,
    name: n.name,
    shortName: n.shortName,
    summary: n.summary,
    bodyHtml: n.bodyHtml,
    country: n.country,
    passages,
    scope:
      n.scope && n.scopeText && n.scopeSource
        ? { label: labelOf(NETWORK_SCOPES, n.scope), text: n.scopeText, source: list.ref(n.scopeSource) }
        : null,
    sarcomaTypes: n.sarcomaTypes.map((s) => s.sarcoma).sort((a, b) => a.position - b.position || a.name.localeCompare(b.name)),
    list: { date: n.listDate, dateKind: n.listDateKind, source: list.ref(n.listSource) },
    website: n.website,
    members: n.hospitals
      .map((m) => ({
        slug: m.hospital.slug,
        name: m.hospital.name,
        city: m.hospital.city.name,
        country: m.hospital.city.country.name,
        note: m.note,
        source: list.ref(m.source),
      }))
      .sort((a, b) => a.country.localeCompare(b.country) || a.name.localeCompare(b.name)),
    sources: list.all(),
    reviewed: n.reviewed,
    nextReview: n.nextReview,
    reviewedBy: n.reviewedBy,
  };
});

export async function listNetworkSlugs(): Promise<string[]> {
  return (await prisma.network.findMany({ select: { slug: true }, orderBy: { slug: "asc" } })).map((r) => r.slug);
}
