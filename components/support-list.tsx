import { formatDate } from "@/lib/present/format";
import { SUPPORT_KINDS } from "@/lib/domain";
import type { CountrySupport, SupportView } from "@/lib/data/support";
import { Cite } from "./sources";

function Unconfirmed({ show }: { show: boolean }) {
  return show ? (
    <span className="block text-sm font-semibold text-amber-900">Not confirmed: this comes from a third-party page. Check with the organisation.</span>
  ) : null;
}

function Organisation({ o, level, compact }: { o: SupportView; level: 3 | 4; compact: boolean }) {
  const H = level === 3 ? "h3" : "h4";
  return (
    <li className="support-org rounded-md border border-slate-300 p-4">
      <H className="text-lg font-semibold">
        <a href={o.website.value} rel="noreferrer">
          {o.name}
        </a>
        <Cite sources={[o.website.source]} />
      </H>
      <p className="text-sm text-slate-700">{SUPPORT_KINDS[o.kind]}</p>
      <p className="mt-1">
        {o.summary}
        <Cite sources={[o.summarySource]} />
      </p>
      {compact ? (
        <p className="mt-1">
          <span className="font-semibold">Offers: </span>
          {o.offers.map((offer, i) => (
            <span key={i}>
              {i > 0 ? "; " : ""}
              {offer.label}
              {offer.unverified ? " (not confirmed)" : ""}
              <Cite sources={[offer.source]} />
            </span>
          ))}
        </p>
      ) : (
        <ul className="mt-2 space-y-1">
          {o.offers.map((offer, i) => (
            <li key={i}>
              <span className="font-semibold">{offer.label}: </span>
              {offer.detail}
              <Cite sources={[offer.source]} />
              <Unconfirmed show={offer.unverified} />
            </li>
          ))}
        </ul>
      )}
      {o.phone || o.email ? (
        <dl className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-[11rem_minmax(0,1fr)]">
          {o.phone ? (
            <>
              <dt className="font-semibold">{o.phone.label ?? "Phone"}</dt>
              <dd>
                <a href={`tel:${o.phone.value.replace(/[^\d+]/g, "")}`}>{o.phone.value}</a>
                {o.phone.hours ? `, ${o.phone.hours}` : ""}
                <Cite sources={[o.phone.source]} />
                <Unconfirmed show={o.phone.unverified} />
              </dd>
            </>
          ) : null}
          {o.email ? (
            <>
              <dt className="font-semibold">Email</dt>
              <dd className="wrap-anywhere">
                <a href={`mailto:${o.email.value}`}>{o.email.value}</a>
                <Cite sources={[o.email.source]} />
                <Unconfirmed show={o.email.unverified} />
              </dd>
            </>
          ) : null}
        </dl>
      ) : null}
      <p className="mt-2 text-xs text-slate-700">
        Checked against its sources on {formatDate(o.reviewed)}
        {o.reviewedBy ? `, reviewed by ${o.reviewedBy}` : ""}.
      </p>
    </li>
  );
}

/** Help for families, country by country, each value with its numbered source. */
/** `compact`: each offer named, not described (the family pack; /support has the detail). */
export function SupportList({ countries, level = 3, compact = false }: { countries: CountrySupport[]; level?: 2 | 3; compact?: boolean }) {
  const H = level === 2 ? "h2" : "h3";
  if (countries.length === 0) return <p className="mt-2">Our sources list no organisations for this country yet.</p>;
  return (
    <div className="mt-3 space-y-6">
      {countries.map((c) => (
        <section key={c.country.slug} aria-labelledby={`support-${c.country.slug}`}>
          <H id={`support-${c.country.slug}`} className={level === 2 ? "text-2xl font-semibold" : "text-lg font-semibold"}>
            {c.country.name}
          </H>
          <ul className="mt-2 space-y-3">
            {c.organisations.map((o) => (
              <Organisation key={o.slug} o={o} level={level === 2 ? 3 : 4} compact={compact} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
