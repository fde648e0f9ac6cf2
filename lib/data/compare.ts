import "server-only";
import { prisma } from "./db";
import { distanceKm, type LatLng } from "../present/geo";
import { getHospital, type HospitalProfile } from "./hospital-profile";

/** The services a comparison always shows, in this order, whether listed or not. */
export const COMPARE_SERVICES = [
  "paediatric-intensive-care",
  "on-site-radiotherapy",
  "proton-beam-therapy",
  "limb-salvage-surgery",
  "inpatient-rehabilitation",
  "family-accommodation",
  "teenage-and-young-adult-care",
  "psychosocial-support",
  "early-phase-trials",
  "international-patients",
] as const;

/** The names of the hospitals a compare link asks for: only those, however many the store holds. */
export async function getHospitalNames(slugs: string[]): Promise<Map<string, string>> {
  // A link with hundreds of h= values still costs one bounded query.
  const asked = [...new Set(slugs)].slice(0, 50);
  if (asked.length === 0) return new Map();
  const rows = await prisma.hospital.findMany({ where: { slug: { in: asked } }, select: { slug: true, name: true } });
  return new Map(rows.map((r) => [r.slug, r.name]));
}

export type ComparedHospital = HospitalProfile & { distanceKm: number | null };

/** Up to four profiles side by side, with the distance from a chosen place (lib/data/near.ts). */
export async function getComparison(slugs: string[], from: LatLng | null) {
  const [profiles, services] = await Promise.all([
    Promise.all(slugs.map((s) => getHospital(s))),
    prisma.service.findMany({ where: { slug: { in: [...COMPARE_SERVICES] } }, select: { slug: true, name: true } }),
  ]);
  const hospitals: ComparedHospital[] = profiles
    .filter((p): p is HospitalProfile => p !== null)
    .map((p) => ({ ...p, distanceKm: from ? distanceKm(from, p.position) : null }));
  const serviceNames = new Map(services.map((s) => [s.slug, s.name]));
  return {
    hospitals,
    services: COMPARE_SERVICES.map((slug) => ({ slug, name: serviceNames.get(slug) ?? slug })),
  };
}
