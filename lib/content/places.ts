import { loadGazetteer, resolvePlace } from "./gazetteer";
import type { Problem } from "./read";
import type { placesSchema } from "./schema";
import type { z } from "zod";

// Where each city of places.md is: a sourced position as given, or the one gazetteer
// place its name (and region or GeoNames id) chooses. Build time only.

export type Places = z.infer<typeof placesSchema>;

/** Where each city is: the gazetteer's position and GeoNames id, or a sourced position. */
export type CityPosition = { latitude: number; longitude: number; geonameId: number | null };

/** Each city's position: a sourced one as given, otherwise exactly one gazetteer match. */
export function resolveCities(file: string, data: Places, out: Map<string, CityPosition>, problems: Problem[]) {
  const codes = new Map(data.countries.map((c) => [c.slug, c.code]));
  const needGazetteer = data.cities.some((c) => c.latitude === undefined);
  const gazetteer = needGazetteer ? loadGazetteer() : null;
  data.cities.forEach((c, i) => {
    if (c.latitude !== undefined && c.longitude !== undefined) {
      out.set(c.slug, { latitude: c.latitude, longitude: c.longitude, geonameId: null });
      return;
    }
    const countryCode = codes.get(c.country);
    if (!countryCode || !gazetteer) return; // an unknown country is reported already
    const r = resolvePlace(gazetteer, { name: c.gazetteerName ?? c.name, countryCode, admin: c.admin, geonameId: c.geonameId });
    if (r.ok) out.set(c.slug, { latitude: r.city.latitude, longitude: r.city.longitude, geonameId: r.city.geonameId });
    else problems.push({ file, field: `cities[${i}]`, message: `city "${c.slug}": ${r.message}` });
  });
}

