import type { HospitalFilters, Vocabulary } from "../params/search-params";
import { formatNumber, lowerFirst } from "./format";

/** "4 hospitals in London that treat rhabdomyosarcoma": the listing's heading, from its filters. */
export function describeResult(total: number, f: HospitalFilters, vocab: Vocabulary, nearLabel: string | null): string {
  const names = (key: "city" | "country" | "tumor" | "service") => f[key].map((s) => vocab[key].get(s) ?? s);
  const list = (items: string[], joiner: string) =>
    items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} ${joiner} ${items[items.length - 1]}`;
  const parts = [`${formatNumber(total)} ${total === 1 ? "hospital" : "hospitals"}`];
  const places = [...names("city"), ...names("country")];
  if (places.length) parts.push(`in ${list(places, "or")}`);
  if (f.tumor.length) parts.push(`that ${total === 1 ? "treats" : "treat"} ${list(names("tumor").map(lowerFirst), "or")}`);
  if (f.service.length) parts.push(`with ${list(names("service").map(lowerFirst), "and")}`);
  if (f.q) parts.push(`matching “${f.q}”`);
  let text = parts.join(" ");
  if (nearLabel && f.sort === "distance") text += `, nearest to ${nearLabel} first`;
  return text;
}
