import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { FactsList } from "@/components/facts";
import { JsonLd } from "@/components/json-ld";
import { medicalWebPage } from "@/components/medical-web-page";
import { Passage } from "@/components/passage";
import { ReviewNote } from "@/components/review-note";
import { SourcesList } from "@/components/sources";
import { TrialsLink } from "@/components/trials-link";
import { trialsLabel } from "@/lib/params/trials";
import { getPathway, listPathwaySlugs } from "@/lib/data/pathways";
import { packUrl } from "@/lib/params/search-params";

type Props = { params: Promise<{ slug: string }> };

export const dynamicParams = false;

export async function generateStaticParams() {
  return (await listPathwaySlugs()).map((slug) => ({ slug }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const p = await getPathway((await params).slug);
  if (!p) return { title: "Pathway not found" };
  return { title: p.title, description: p.summary };
}

export default async function PathwayPage({ params }: Props) {
  const p = await getPathway((await params).slug);
  if (!p) notFound();
  return (
    <article aria-labelledby="pathway-title">
      <JsonLd
        data={medicalWebPage(
          {
            "@type": "MedicalTherapy",
            name: p.title,
            description: p.summary,
            ...(p.sarcomaTypes.length ? { relevantSpecialty: "Oncologic" } : {}),
          },
          p.reviewed,
          `/pathways/${p.slug}`,
        )}
      />
      <p className="no-print text-sm">
        <a href="/pathways">Treatment pathways</a>
      </p>
      <h1 id="pathway-title" className="mt-2 text-3xl font-bold">
        {p.title}
      </h1>
      <p className="mt-4 text-lg">{p.summary}</p>
      {p.sarcomaTypes.length ? (
        <p className="mt-2">
          For:{" "}
          {p.sarcomaTypes.map((s, i) => (
            <span key={s.slug}>
              {i > 0 ? ", " : ""}
              <a href={`/sarcomas/${s.slug}`}>{s.name}</a>
            </span>
          ))}
        </p>
      ) : null}
      <p className="mt-3 rounded-md border border-slate-300 bg-brand-50 p-3 text-sm">
        Every child&apos;s plan is different. Use this to know what to expect and what to ask. To take it to an appointment, print this page: the questions
        print as a checklist with room for notes. Or{" "}
        <a href={packUrl([], p.slug)} className="no-print">
          make a family pack
        </a>
        <span className="no-print"> with this pathway, the centres you are weighing and help for families</span>.
      </p>
      <ReviewNote reviewed={p.reviewed} nextReview={p.nextReview} reviewedBy={p.reviewedBy} />

      <nav aria-labelledby="steps-nav-heading" className="no-print mt-8 rounded-md border border-slate-300 p-4">
        <h2 id="steps-nav-heading" className="font-semibold">
          Steps
        </h2>
        <ol className="mt-2 list-decimal space-y-1 pl-6">
          {p.steps.map((s) => (
            <li key={s.slug}>
              <a href={`#step-${s.slug}`}>{s.title}</a>
            </li>
          ))}
        </ol>
      </nav>

      {p.bodyHtml ? <div className="prose-body mt-6" dangerouslySetInnerHTML={{ __html: p.bodyHtml }} /> : null}

      <ol className="mt-8 space-y-10">
        {p.steps.map((s, i) => (
          <li key={s.slug} id={`step-${s.slug}`} className="scroll-mt-4 border-l-4 border-brand-700 pl-4">
            <h2 className="text-2xl font-semibold">
              <span className="text-slate-700">Step {i + 1}:</span> {s.title}
            </h2>
            <Passage id={`${s.slug}-what`} heading="What happens" passage={s.passages.what} level={3} />
            <Passage id={`${s.slug}-who`} heading="Who is involved" passage={s.passages.who} level={3} />
            <Passage id={`${s.slug}-duration`} heading="How long it usually takes" passage={s.passages.duration} level={3} />
            {s.treatments.length ? (
              <section aria-labelledby={`${s.slug}-options`} className="mt-6">
                <h3 id={`${s.slug}-options`} className="text-lg font-semibold">
                  Treatment options at this step
                </h3>
                <ul className="mt-1 list-disc pl-6">
                  {s.treatments.map((t) => (
                    <li key={t.slug}>
                      <a href={`/treatments/${t.slug}`}>{t.name}</a>
                    </li>
                  ))}
                </ul>
              </section>
            ) : null}
            {s.aboutTrials ? <TrialsLink id={`${s.slug}-trials`} href={p.trialsUrl} label={trialsLabel(p.trialsCondition)} level={3} /> : null}
            <section aria-labelledby={`${s.slug}-questions`} className="mt-6">
              <h3 id={`${s.slug}-questions`} className="text-lg font-semibold">
                Questions to ask the care team
              </h3>
              <ul className="checklist mt-2 space-y-2">
                {s.questions.map((q) => (
                  <li key={q}>
                    <span>{q}</span>
                  </li>
                ))}
              </ul>
              <div className="notes mt-3 hidden h-24 border border-dashed border-slate-500 p-2 text-sm text-slate-700 print:block">Notes:</div>
            </section>
          </li>
        ))}
      </ol>

      <FactsList facts={p.facts} heading="More facts from our sources" />
      <SourcesList sources={p.sources} />
    </article>
  );
}
