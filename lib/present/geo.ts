import { formatNumber } from "./format";

export type LatLng = { latitude: number; longitude: number };

/**
 * Where a hospital is: its own coordinates where a source gives them, or else its city's,
 * marked approximate (a distance is then measured from the city centre).
 */
export function positionOf(h: { latitude: number | null; longitude: number | null; city: LatLng }): { at: LatLng; approximate: boolean } {
  return h.latitude !== null && h.longitude !== null
    ? { at: { latitude: h.latitude, longitude: h.longitude }, approximate: false }
    : { at: { latitude: h.city.latitude, longitude: h.city.longitude }, approximate: true };
}

const EARTH_RADIUS_KM = 6371.0088;
const KM_PER_MILE = 1.609344;

/** Great-circle distance (haversine) in kilometres. */
export function distanceKm(a: LatLng, b: LatLng): number {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLng = (b.longitude - a.longitude) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

export function formatDistance(km: number): string {
  const miles = km / KM_PER_MILE;
  const round = (n: number) => (n < 10 ? n.toFixed(1) : formatNumber(Math.round(n)));
  return `${round(km)} km (${round(miles)} miles)`;
}
