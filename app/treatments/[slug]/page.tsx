import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { FactsList } from "@/components/facts";
import { JsonLd } from "@/components/json-ld";
import { medicalWebPage } from "@/components/medical-web-page";
import { Passage } from "@/components/passage";
import { ReviewNote } from "@/components/review-note";
import { Cite, SourcesList } from "@/components/sources";
import { getTreatment, listTreatmentSlugs } from "@/lib/data/treatments";

type Props = { params: Promise<{ slug: string }> };

export const dynamicParams = false;

export async function generateStaticParams() {
  return (await listTreatmentSlugs()).map((slug) => ({ slug }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTreatment((await params).slug);
  if (!t) return { title: "Treatment not found" };
  return { title: t.name, description: t.summary };
}

const PROCEDURE_KINDS = new Set(["surgery", "diagnosis"]);

export default async function TreatmentPage({ params }: Props) {
  const t = await getTreatment((await params).slug);
  if (!t) notFound();
  return (
    <article aria-labelledby="treatment-name">
      <JsonLd
        data={medicalWebPage(
          { "@type": PROCEDURE_KINDS.has(t.kind) ? "MedicalProcedure" : "MedicalTherapy", name: t.name, description: t.summary },
          t.reviewed,
          `/treatments/${t.slug}`,
        )}
      />
      <p className="text-sm">
        <a href="/treatments">Treatments</a> › <a href={`/treatments#${t.kind}`}>{t.kindLabel}</a>
      </p>
      <h1 id="treatment-name" className="mt-2 text-3xl font-bold">
        {t.name}
      </h1>
      <p className="mt-4 text-lg">{t.summary}</p>
      <ReviewNote reviewed={t.reviewed} nextReview={t.nextReview} reviewedBy={t.reviewedBy} />

      <Passage id="what" heading="What it is" passage={t.passages.whatItIs} />
      <Passage id="when" heading="When it is used" passage={t.passages.whenUsed} />
      <Passage id="family" heading="What it means for your child and family" passage={t.passages.forFamily} />
      <Passage id="late" heading="Late effects" passage={t.passages.lateEffects} />
      <Passage id="evidence" heading="How strong is the evidence?" passage={t.passages.evidence} />

      {t.sarcomaTypes.length ? (
        <section aria-labelledby="used-for-heading" className="mt-8">
          <h2 id="used-for-heading" className="text-xl font-semibold">
            Sarcoma types it is used for
          </h2>
          <ul className="mt-2 list-disc pl-6">
            {t.sarcomaTypes.map((s) => (
              <li key={s.slug}>
                <a href={`/sarcomas/${s.slug}`}>{s.name}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {t.pathways.length ? (
        <section aria-labelledby="pathways-heading" className="mt-8">
          <h2 id="pathways-heading" className="text-xl font-semibold">
            Where it comes in a treatment pathway
          </h2>
          <ul className="mt-2 list-disc pl-6">
            {t.pathways.map((p) => (
              <li key={`${p.slug}-${p.stepSlug}`}>
                <a href={`/pathways/${p.slug}#step-${p.stepSlug}`}>
                  {p.title}: {p.step}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="offered-heading" className="mt-8">
        <h2 id="offered-heading" className="text-xl font-semibold">
          Hospitals known to offer it
        </h2>
        {t.hospitals.length ? (
          <ul className="mt-2 list-disc pl-6">
            {t.hospitals.map((h) => (
              <li key={h.slug}>
                <a href={`/hospitals/${h.slug}`}>{h.name}</a> ({h.city})
                <Cite sources={[h.source]} />
              </li>
            ))}
          </ul>
        ) : null}
        <p className="mt-2 text-sm text-slate-700">
          {t.hospitals.length ? "Other hospitals may offer it too: " : "No hospital is listed for this in our sources. "}
          our list shows only what a hospital&apos;s sources say. Ask your child&apos;s care team.
        </p>
      </section>

      <FactsList facts={t.facts} heading="More facts from our sources" />
      {t.bodyHtml ? <div className="prose-body mt-8" dangerouslySetInnerHTML={{ __html: t.bodyHtml }} /> : null}
      <SourcesList sources={t.sources} />
    </article>
  );
}
