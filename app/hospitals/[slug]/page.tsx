import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BackToList } from "@/components/back-to-list";
import { FactsList } from "@/components/facts";
import { JsonLd } from "@/components/json-ld";
import { ReviewNote } from "@/components/review-note";
import { Cite, SourcesList } from "@/components/sources";
import type { HospitalFieldKey } from "@/lib/domain";
import { formatDate, lowerFirst } from "@/lib/present/format";
import { formatDistance } from "@/lib/present/geo";
import { getHospital, listHospitalSlugs, type ServiceView, type SourcedValue } from "@/lib/data/hospital-profile";
import { compareUrl, hospitalsUrl, packUrl } from "@/lib/params/search-params";
import { SupportList } from "@/components/support-list";
import { TrialsLink } from "@/components/trials-link";

type Props = { params: Promise<{ slug: string }> };

// Profiles are prerendered: fast, cacheable and served with a hash-based CSP.
export const dynamicParams = false;

export async function generateStaticParams() {
  return (await listHospitalSlugs()).map((slug) => ({ slug }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const h = await getHospital((await params).slug);
  if (!h) return { title: "Hospital not found" };
  // One page for search engines, however it was reached (a filtered listing links it with
  // the filters in its query string, for the way back).
  return { title: `${h.name}, ${h.city.name}`, description: h.summary, alternates: { canonical: `/hospitals/${h.slug}` } };
}

const FIELD_LABELS: Record<Exclude<HospitalFieldKey, "kind">, string> = {
  address: "Address",
  postcode: "Postcode",
  phone: "Phone",
  website: "Website",
  oncologyService: "Children's cancer service",
  agesServed: "Ages seen",
  referral: "How to be referred",
  secondOpinion: "Second opinions",
  internationalPatients: "Families from abroad",
  team: "The team",
};

function FieldValue({ field, k }: { field: SourcedValue; k: HospitalFieldKey }) {
  const value =
    k === "website" ? (
      <a href={field.value} rel="noreferrer" className="wrap-anywhere">
        {field.value}
      </a>
    ) : k === "phone" ? (
      <a href={`tel:${field.value.replace(/[^\d+]/g, "")}`}>{field.value}</a>
    ) : (
      field.value
    );
  return (
    <>
      {value}
      {field.label ? <span className="text-slate-700"> ({field.label})</span> : null}
      <Cite sources={[field.source]} />
      {field.unverified ? (
        <span className="mt-1 block text-sm font-semibold text-amber-900">
          Not confirmed: this comes from a third-party directory or could not be checked. Check with the hospital.
        </span>
      ) : null}
    </>
  );
}

const NOT_LISTED = "Not listed in our sources.";

/** Services with their notes and sources; on paper, one row without the notes. */
function ServiceList({ services }: { services: ServiceView[] }) {
  return (
    <ul className="mt-2 space-y-1 print:flex print:flex-wrap print:gap-x-6 print:space-y-0">
      {services.map((s) => (
        <li key={s.slug}>
          {s.name}
          {s.note ? <span className="print:hidden">{`: ${s.note}`}</span> : null}
          <Cite sources={[s.source]} />
        </li>
      ))}
    </ul>
  );
}

export default async function HospitalPage({ params }: Props) {
  const h = await getHospital((await params).slug);
  if (!h) notFound();
  const offered = h.services.filter((s) => s.available);
  const notOffered = h.services.filter((s) => !s.available);

  const jsonLd = {
    "@context": "https://schema.org",
    "@type": ["Hospital", "MedicalOrganization"],
    name: h.name,
    alternateName: h.shortName,
    url: h.fields.website?.value,
    ...(h.fields.address
      ? {
          address: {
            "@type": "PostalAddress",
            streetAddress: h.fields.address.value,
            postalCode: h.fields.postcode?.value,
            addressLocality: h.city.name,
            addressCountry: h.country.name,
          },
        }
      : { address: { "@type": "PostalAddress", addressLocality: h.city.name, addressCountry: h.country.name } }),
    ...(h.position.approximate ? {} : { geo: { "@type": "GeoCoordinates", latitude: h.position.latitude, longitude: h.position.longitude } }),
    medicalSpecialty: "Oncologic",
    availableService: h.sarcomaTypes.map((t) => ({ "@type": "MedicalTherapy", name: `Treatment of ${t.name}` })),
  };

  return (
    <article aria-labelledby="hospital-name">
      <JsonLd data={jsonLd} />
      <p className="no-print text-sm">
        <BackToList />
      </p>
      <h1 id="hospital-name" className="mt-2 text-3xl font-bold">
        {h.name}
      </h1>
      <p className="mt-1 text-slate-700">
        {h.shortName} · {h.city.name}
        {h.region ? ` (${h.region})` : ""}, {h.country.name}
        {h.citySource ? <Cite sources={[h.citySource]} /> : null}
      </p>
      {h.kind ? (
        <p className="mt-1 text-sm">
          {h.kind}
          <Cite sources={h.fields.kind ? [h.fields.kind.source] : []} />
        </p>
      ) : null}
      <p className="mt-4 text-lg">{h.summary}</p>

      <ReviewNote reviewed={h.reviewed} nextReview={h.nextReview} reviewedBy={h.reviewedBy} />

      <section aria-labelledby="contact-heading" className="mt-8">
        <h2 id="contact-heading" className="text-xl font-semibold">
          Contact and practical details
        </h2>
        <dl className="mt-3 grid gap-x-6 gap-y-3 sm:grid-cols-[12rem_minmax(0,1fr)]">
          {(Object.keys(FIELD_LABELS) as (keyof typeof FIELD_LABELS)[]).map((k) => (
            <div key={k} className={h.fields[k] ? "contents" : "contents print:hidden"}>
              <dt className="font-semibold">{FIELD_LABELS[k]}</dt>
              <dd>{h.fields[k] ? <FieldValue field={h.fields[k]} k={k} /> : <span className="text-slate-700">{NOT_LISTED}</span>}</dd>
            </div>
          ))}
          <div className="contents print:hidden">
            <dt className="font-semibold">Position</dt>
            <dd>
              {h.position.approximate
                ? `Approximate: the centre of ${h.city.name}, as our sources give no exact position for the hospital.`
                : `${h.position.latitude.toFixed(4)}, ${h.position.longitude.toFixed(4)}`}
              <Cite sources={[h.position.source]} />
            </dd>
          </div>
        </dl>
      </section>

      <section aria-labelledby="networks-heading" className="mt-8 print:hidden">
        <h2 id="networks-heading" className="text-xl font-semibold">
          Networks it belongs to
        </h2>
        {h.networks.length ? (
          <ul className="mt-2 space-y-1">
            {h.networks.map((n) => (
              <li key={n.slug}>
                <a href={`/networks/${n.slug}`}>{n.name}</a>
                {` (list ${n.listDateKind === "published" ? "dated" : "seen"} ${formatDate(n.listDate)})`}
                {n.note ? `: ${n.note}` : ""}
                <Cite sources={[n.source]} />
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-2">{NOT_LISTED}</p>
        )}
        <p className="mt-2 text-sm text-slate-700 print:hidden">
          A network list says a centre belongs to it. It does not tell us which services the centre has.
        </p>
      </section>

      <section aria-labelledby="treats-heading" className="mt-8">
        <h2 id="treats-heading" className="text-xl font-semibold">
          Sarcoma types it treats
        </h2>
        {h.sarcomaTypes.length ? (
          <ul className="mt-2 space-y-1 print:flex print:flex-wrap print:gap-x-6 print:space-y-0">
            {h.sarcomaTypes.map((t) => (
              <li key={t.slug}>
                <a href={`/sarcomas/${t.slug}`}>{t.name}</a>
                {t.note ? `: ${t.note}` : ""}
                <Cite sources={[t.source]} />{" "}
                <span className="no-print text-sm">
                  (<a href={hospitalsUrl({ tumor: [t.slug] })}>other hospitals for {lowerFirst(t.name)}</a>)
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-2">Its own pages, as far as our sources go, do not name a type. {h.networkTypes.length ? "" : NOT_LISTED}</p>
        )}
        {h.networkTypes.length ? (
          <div className="print:hidden">
            <h3 className="mt-4 font-semibold">Through its networks</h3>
            <p className="mt-1 text-sm">These types are not named on its own pages, but it belongs to a network whose source says its members treat them:</p>
            <ul className="mt-1 flex flex-wrap gap-x-3 gap-y-1 text-sm">
              {h.networkTypes.map((t) => (
                <li key={t.slug}>
                  <a href={`/sarcomas/${t.slug}`}>{t.name}</a> ({t.networks.join(", ")})
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <p className="mt-2 text-sm text-slate-700 print:hidden">
          A type missing here is not listed in our sources; that does not mean the hospital does not treat it. Ask the hospital or your care team.
        </p>
      </section>

      <section aria-labelledby="services-heading" className="mt-8">
        <h2 id="services-heading" className="text-xl font-semibold">
          Services and facilities
        </h2>
        {offered.length ? <ServiceList services={offered} /> : <p className="mt-2">{NOT_LISTED}</p>}
        {notOffered.length ? (
          <>
            <h3 className="mt-4 font-semibold">Not on site, as its sources say</h3>
            <ServiceList services={notOffered} />
          </>
        ) : null}
        {h.treatments.length ? (
          <>
            <h3 className="mt-4 font-semibold">Treatments our sources say it offers</h3>
            <ul className="mt-1 space-y-1">
              {h.treatments.map((t) => (
                <li key={t.slug}>
                  <a href={`/treatments/${t.slug}`}>{t.name}</a>
                  {t.note ? `: ${t.note}` : ""}
                  <Cite sources={[t.source]} />
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      <section aria-labelledby="stay-heading" className="mt-8 print:hidden">
        <h2 id="stay-heading" className="text-xl font-semibold">
          Places for families to stay
        </h2>
        {h.accommodation.length ? (
          <ul className="mt-2 space-y-2">
            {h.accommodation.map((a) => (
              <li key={a.name}>
                <span className="font-semibold">{a.name}</span>: {a.note}
                <Cite sources={[a.source]} />
                {a.unverified ? (
                  <span className="block text-sm font-semibold text-amber-900">
                    Not confirmed: this comes from a third-party page. Ask the hospital or the charity.
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-2">{NOT_LISTED} Ask the ward or the hospital&apos;s social worker what is near.</p>
        )}
      </section>

      <div className="print:hidden">
        <TrialsLink id="trials" href={h.trialsUrl} label={`soft tissue sarcoma, near ${h.city.name}`} />
      </div>

      <section aria-labelledby="help-heading" className="mt-8 print:hidden">
        <h2 id="help-heading" className="text-xl font-semibold">
          Help for families in {h.country.name}
        </h2>
        <p className="mt-1 text-sm text-slate-700">
          Charities, services and government schemes that our sources say help families of children with cancer. <a href="/support">Help in other countries</a>.
        </p>
        <SupportList countries={h.support} />
      </section>

      <FactsList facts={h.facts} className="print:hidden" />

      {h.bodyHtml ? (
        <section aria-labelledby="more-heading" className="mt-8 print:hidden">
          <h2 id="more-heading" className="text-xl font-semibold">
            More about this hospital
          </h2>
          <div className="prose-body mt-2" dangerouslySetInnerHTML={{ __html: h.bodyHtml }} />
        </section>
      ) : null}

      <nav aria-labelledby="more-hospitals-heading" className="no-print mt-8">
        <h2 id="more-hospitals-heading" className="text-xl font-semibold">
          Other hospitals
        </h2>
        <ul className="mt-2 space-y-1">
          {h.sameCity.length ? (
            <li>
              In {h.city.name}:{" "}
              {h.sameCity.map((o, i) => (
                <span key={o.slug}>
                  {i > 0 ? ", " : ""}
                  <a href={`/hospitals/${o.slug}`}>{o.name}</a>
                </span>
              ))}
            </li>
          ) : null}
          {h.nearby.map((o) => (
            <li key={o.slug}>
              Nearby: <a href={`/hospitals/${o.slug}`}>{o.name}</a> ({o.city}, about {formatDistance(o.km)})
            </li>
          ))}
          <li>
            <a href={compareUrl([h.slug, ...h.sameCity.map((o) => o.slug)].slice(0, 4))}>Compare with other hospitals</a>
          </li>
          <li>
            <a href={packUrl([h.slug], null)}>Make a family pack</a>: one printable page with this hospital&apos;s contacts, questions to ask and help for
            families
          </li>
          <li>
            <a href={hospitalsUrl({ city: [h.city.slug] })}>All hospitals in {h.city.name}</a> ·{" "}
            <a href={hospitalsUrl({ near: h.city.slug })}>Hospitals nearest to {h.city.name}</a>
          </li>
        </ul>
      </nav>

      <p className="mt-6 hidden text-sm print:block">
        Printed from the Childhood Sarcoma Directory: /hospitals/{h.slug}, where every fact and source is in full. General information, not medical advice:
        check everything with your child&apos;s care team.
      </p>
      <SourcesList sources={h.sources} printFirst={h.ownSources} />
    </article>
  );
}
