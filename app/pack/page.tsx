import type { Metadata } from "next";
import { HospitalChoices } from "@/components/hospital-choices";
import { Notices } from "@/components/notices";
import { Cite, SourcesList } from "@/components/sources";
import { SupportList } from "@/components/support-list";
import { formatDate } from "@/lib/present/format";
import { getFamilyPack, getPackChoices, type PackCentre } from "@/lib/data/pack";
import { MAX_COMPARE, packUrl, parsePackParams, type RawParams } from "@/lib/params/search-params";

export const metadata: Metadata = {
  title: "Family pack",
  description: "One printable page to take to appointments: the centres you are weighing, the questions to ask, and help for families.",
  robots: { index: false },
};

const FIELD_LABELS: Record<keyof PackCentre["fields"], string> = {
  address: "Address",
  postcode: "Postcode",
  phone: "Phone",
  website: "Website",
  referral: "How to be referred",
  secondOpinion: "Second opinions",
  internationalPatients: "Families from abroad",
};

const NOTE_HEIGHT = { small: "min-h-20", medium: "min-h-24", large: "min-h-36" } as const;

/** Room to write, on paper only. */
function Notes({ size = "medium" }: { size?: keyof typeof NOTE_HEIGHT }) {
  return <div className={`notes mt-2 hidden border border-dashed border-slate-500 p-2 text-sm text-slate-700 print:block ${NOTE_HEIGHT[size]}`}>Notes:</div>;
}

function Centre({ c }: { c: PackCentre }) {
  return (
    <section aria-labelledby={`centre-${c.slug}`} className="pack-section mt-8">
      <h2 id={`centre-${c.slug}`} className="text-2xl font-semibold">
        {c.name}
      </h2>
      <p className="text-slate-700">
        {c.place} · details last checked {formatDate(c.reviewed)} · <span className="print-url-inline">/hospitals/{c.slug}</span>
      </p>
      <dl className="mt-3 grid gap-x-6 gap-y-2 sm:grid-cols-[11rem_minmax(0,1fr)] print:grid-cols-[9rem_minmax(0,1fr)]">
        {(Object.keys(FIELD_LABELS) as (keyof PackCentre["fields"])[]).map((k) => {
          const f = c.fields[k];
          return (
            <div key={k} className="contents">
              <dt className="font-semibold">{FIELD_LABELS[k]}</dt>
              <dd className="wrap-anywhere">
                {f ? (
                  <>
                    {f.value}
                    {f.label ? ` (${f.label})` : ""}
                    <Cite sources={[f.source]} />
                    {f.unverified ? <span className="block text-sm font-semibold text-amber-900">Not confirmed: check with the hospital.</span> : null}
                  </>
                ) : (
                  <span className="text-slate-700">Not listed in our sources: ask the hospital.</span>
                )}
              </dd>
            </div>
          );
        })}
        <div className="contents">
          <dt className="font-semibold">Networks</dt>
          <dd>
            {c.networks.length ? (
              <ul>
                {c.networks.map((n) => (
                  <li key={n.name}>
                    {n.name} (list {n.listDateKind === "published" ? "dated" : "seen"} {formatDate(n.listDate)})
                    <Cite sources={[n.source]} />
                  </li>
                ))}
              </ul>
            ) : (
              <span className="text-slate-700">Not listed in our sources.</span>
            )}
          </dd>
        </div>
        <div className="contents">
          <dt className="font-semibold">Places to stay</dt>
          <dd>
            {c.accommodation.length ? (
              <ul>
                {c.accommodation.map((a) => (
                  <li key={a.name}>
                    {a.name}: {a.note}
                    <Cite sources={[a.source]} />
                    {a.unverified ? " (not confirmed: ask the hospital)" : ""}
                  </li>
                ))}
              </ul>
            ) : (
              <span className="text-slate-700">Not listed in our sources: ask the ward or social worker.</span>
            )}
          </dd>
        </div>
        <div className="contents">
          <dt className="font-semibold">Open trials</dt>
          <dd className="wrap-anywhere">
            <a href={c.trialsUrl} rel="noreferrer">
              Recruiting children&apos;s sarcoma trials near {c.place}, on ClinicalTrials.gov
            </a>
            <span className="hidden print:block">
              At clinicaltrials.gov, search for soft tissue sarcoma or rhabdomyosarcoma in {c.place}, and choose the filters &ldquo;Child&rdquo; and
              &ldquo;Recruiting&rdquo;.
            </span>
            <span className="block text-sm text-slate-700">Ask the team which trials your child could join.</span>
          </dd>
        </div>
      </dl>
      <Notes />
    </section>
  );
}

export default async function PackPage({ searchParams }: { searchParams: Promise<RawParams> }) {
  const raw = await searchParams;
  const choices = await getPackChoices();
  const { slugs, pathway: pathwaySlug, notices } = parsePackParams(raw, choices);
  const pack = await getFamilyPack(slugs, pathwaySlug);
  const today = new Date().toISOString().slice(0, 10);
  const empty = pack.centres.length === 0 && !pack.pathway;

  return (
    <article aria-labelledby="pack-title" className="family-pack">
      <h1 id="pack-title" className="text-3xl font-bold">
        Family pack
      </h1>
      <p className="mt-2 max-w-2xl">
        Everything in one place, to print and take to appointments
        {pack.centres.length ? `: ${pack.centres.map((c) => c.name).join(", ")}` : ""}
        {pack.pathway ? `${pack.centres.length ? ", and" : ":"} ${pack.pathway.title}` : ""}.
      </p>
      <p className="mt-1 text-sm">
        Made on <time dateTime={today}>{formatDate(today)}</time> from the Childhood Sarcoma Directory
        <span className="print-url-inline"> ({packUrl(slugs, pathwaySlug)})</span>. General information, not medical advice: compiled from public sources and
        not reviewed by a clinician. Check everything with your child&apos;s care team.
      </p>

      <Notices notices={notices} />

      <p className="no-print mt-4 rounded-md border border-slate-300 bg-brand-50 p-3 text-sm">
        {empty
          ? "Choose up to four hospitals and a treatment pathway below. You can also make a pack from the comparison, a hospital's page or a pathway."
          : "To take it with you, use your browser's Print command (or save it as a PDF). The site's menus are left off the paper, and each part starts on a new page."}
      </p>

      <form action="/pack" method="get" className="no-print mt-4 max-w-xl space-y-3 rounded-md border border-slate-300 p-4">
        <h2 className="font-semibold">{empty ? "Make a family pack" : "Change the pack"}</h2>
        <HospitalChoices id="pack-h" chosen={slugs} options={choices.hospitals}>
          <p className="mt-1 text-sm text-slate-700">
            Up to {MAX_COMPARE}. You can also <a href="/hospitals">find hospitals on the list</a> and compare them first.
          </p>
        </HospitalChoices>
        <div>
          <label htmlFor="pack-pathway" className="block font-semibold">
            Treatment pathway
          </label>
          <select id="pack-pathway" name="pathway" defaultValue={pathwaySlug ?? ""} className="mt-1 w-full rounded border border-slate-500 bg-white px-3 py-2">
            <option value="">No pathway</option>
            {[...choices.pathways].map(([s, title]) => (
              <option key={s} value={s}>
                {title}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
          Update the pack
        </button>
      </form>

      {empty ? null : (
        <>
          <nav aria-labelledby="pack-contents" className="mt-6">
            <h2 id="pack-contents" className="text-xl font-semibold">
              In this pack
            </h2>
            <ol className="mt-2 list-decimal pl-6">
              {pack.centres.map((c) => (
                <li key={c.slug}>
                  <a href={`#centre-${c.slug}`}>{c.name}</a>
                </li>
              ))}
              {pack.pathway ? (
                <li>
                  <a href="#pack-pathway-heading">{pack.pathway.title}: steps and questions</a>
                </li>
              ) : null}
              <li>
                <a href="#pack-questions">Questions to ask a centre</a>
              </li>
              {pack.support.length ? (
                <li>
                  <a href="#pack-help">Help for families</a>
                </li>
              ) : null}
              {pack.glossary.length ? (
                <li>
                  <a href="#pack-glossary">Words used in this pack</a>
                </li>
              ) : null}
              <li>
                <a href="#sources-heading">Sources</a>
              </li>
            </ol>
          </nav>

          {pack.centres.map((c) => (
            <Centre key={c.slug} c={c} />
          ))}

          {pack.pathway ? (
            <section aria-labelledby="pack-pathway-heading" className="pack-section mt-8">
              <h2 id="pack-pathway-heading" className="text-2xl font-semibold">
                {pack.pathway.title}
              </h2>
              <p className="mt-1">{pack.pathway.summary}</p>
              <p className="mt-1 text-sm text-slate-700">
                Last checked against its sources on {formatDate(pack.pathway.reviewed)}. Every child&apos;s plan is different. Tick the questions you want to
                ask, and write down the answers. What happens at each step, with its sources, is at{" "}
                <span className="print-url-inline">/pathways/{pack.pathway.slug}</span>.
              </p>
              <ol className="mt-4 space-y-6">
                {pack.pathway.steps.map((s, i) => (
                  <li key={s.slug} className="pack-step">
                    <h3 className="text-lg font-semibold">
                      Step {i + 1}: {s.title}
                    </h3>
                    <ul className="checklist mt-2 space-y-1">
                      {s.questions.map((q) => (
                        <li key={q}>
                          <span>{q}</span>
                        </li>
                      ))}
                    </ul>
                    <Notes size="small" />
                  </li>
                ))}
              </ol>
            </section>
          ) : null}

          <section aria-labelledby="pack-questions" className="pack-section mt-8">
            <h2 id="pack-questions" className="text-2xl font-semibold">
              Questions to ask a centre
            </h2>
            <p className="mt-1 text-sm text-slate-700">Questions families are encouraged to ask, in our words, with where each comes from.</p>
            <ul className="checklist mt-3 space-y-1">
              {pack.questions.map((q) => (
                <li key={q.text}>
                  <span>
                    {q.text}
                    <Cite sources={[q.source]} />
                  </span>
                </li>
              ))}
            </ul>
            <Notes size="large" />
          </section>

          {pack.support.length ? (
            <section aria-labelledby="pack-help" className="pack-section mt-8">
              <h2 id="pack-help" className="text-2xl font-semibold">
                Help for families
              </h2>
              <p className="mt-1 text-sm text-slate-700">
                In {pack.support.map((c) => c.country.name).join(" and ")}: charities, services and government schemes for families of children with cancer.
              </p>
              <SupportList countries={pack.support} compact />
            </section>
          ) : null}

          {pack.glossary.length ? (
            <section aria-labelledby="pack-glossary" className="pack-section mt-8">
              <h2 id="pack-glossary" className="text-2xl font-semibold">
                Words used in this pack
              </h2>
              <dl className="mt-3 space-y-2 text-sm">
                {pack.glossary.map((t) => (
                  <div key={t.slug} className="pack-term">
                    <dt className="font-semibold">
                      {t.term}
                      <Cite sources={[t.source]} />
                    </dt>
                    <dd className="prose-body" dangerouslySetInnerHTML={{ __html: t.html }} />
                  </div>
                ))}
              </dl>
            </section>
          ) : null}

          <div className="pack-section">
            <SourcesList sources={pack.sources} />
          </div>
        </>
      )}
    </article>
  );
}
