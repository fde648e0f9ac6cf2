import { checkReview, checkSources, refCheck, type Overdue, type SourceUse } from "./checks";
import type { Problem } from "./read";
import type { SupportInput } from "./schema";

/**
 * Cross-checks one support record: its country is one of places.md's, and every value
 * (website, summary, each offer, phone, email) cites a listed source. A third-party source
 * can only back values flagged `unverified: true`, as for hospitals.
 */
export function checkSupport(
  file: string,
  data: SupportInput,
  countries: Set<string> | null,
  today: string,
  problems: Problem[],
  overdue: Overdue[],
) {
  if (countries) refCheck(file, "country", data.country, countries, "country slugs in places.md", problems);
  const uses: SourceUse[] = [
    { field: "website.source", id: data.website.source, unverified: data.website.unverified },
    ...data.offers.map((o, i) => ({ field: `offers[${i}].source`, id: o.source, unverified: o.unverified })),
  ];
  const { phone, email } = data.contact;
  if (phone) uses.push({ field: "contact.phone.source", id: phone.source, unverified: phone.unverified });
  if (email) uses.push({ field: "contact.email.source", id: email.source, unverified: email.unverified });
  checkSources(file, data.sources, [...uses, { field: "summarySource", id: data.summarySource, unverified: true }], problems);
  // The summary, our words about the organisation, cannot be flagged: it must rest on an official page.
  if (data.sources.find((s) => s.id === data.summarySource)?.directory) {
    problems.push({ file, field: "summarySource", message: `expected the organisation's own or an official page, but "${data.summarySource}" is a third-party page` });
  }
  checkReview(file, data, today, problems, overdue);
}
