import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { FactsList } from "@/components/facts";
import { JsonLd } from "@/components/json-ld";
import { medicalWebPage } from "@/components/medical-web-page";
import { Passage } from "@/components/passage";
import { ReviewNote } from "@/components/review-note";
import { SourcesList } from "@/components/sources";
import { lowerFirst, plural } from "@/lib/present/format";
import { getSarcoma, listSarcomaSlugs } from "@/lib/data/sarcomas";
import { NearBox } from "@/components/near-box";
import { TrialsLink } from "@/components/trials-link";
import { countHospitalsForType } from "@/lib/data/hospitals";
import { hospitalsUrl } from "@/lib/params/search-params";

type Props = { params: Promise<{ slug: string }> };

export const dynamicParams = false;

export async function generateStaticParams() {
  return (await listSarcomaSlugs()).map((slug) => ({ slug }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const s = await getSarcoma((await params).slug);
  if (!s) return { title: "Sarcoma type not found" };
  return { title: s.name, description: s.summary };
}

export default async function SarcomaPage({ params }: Props) {
  const s = await getSarcoma((await params).slug);
  if (!s) notFound();
  const hospitalsForType = hospitalsUrl({ tumor: [s.slug] });
  const tiers = await countHospitalsForType(s.slug);
  return (
    <article aria-labelledby="sarcoma-name">
      <JsonLd
        data={medicalWebPage(
          { "@type": "MedicalCondition", name: s.name, alternateName: s.otherNames, description: s.summary },
          s.reviewed,
          `/sarcomas/${s.slug}`,
        )}
      />
      <p className="text-sm">
        <a href="/sarcomas">Sarcoma types</a> › {s.groupLabel}
        {s.parent ? (
          <>
            {" "}
            › <a href={`/sarcomas/${s.parent.slug}`}>{s.parent.name}</a>
          </>
        ) : null}
      </p>
      <h1 id="sarcoma-name" className="mt-2 text-3xl font-bold">
        {s.name}
      </h1>
      {s.otherNames.length ? <p className="mt-1 text-slate-700">Also called: {s.otherNames.join(", ")}</p> : null}
      <p className="mt-4 text-lg">{s.summary}</p>

      <div className="mt-4 flex flex-wrap gap-3">
        <a href={hospitalsForType} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white no-underline hover:bg-brand-800">
          Hospitals that treat it ({tiers.named + tiers.throughNetworks})
        </a>
        {s.pathway ? (
          <a href={`/pathways/${s.pathway.slug}`} className="rounded border border-brand-700 px-4 py-2 font-semibold no-underline">
            Its treatment pathway
          </a>
        ) : null}
      </div>

      <ReviewNote reviewed={s.reviewed} nextReview={s.nextReview} reviewedBy={s.reviewedBy} />

      <Passage id="ages" heading="Who gets it" passage={s.passages.ages} />
      <Passage id="sites" heading="Where in the body" passage={s.passages.sites} />
      <Passage id="genetics" heading="Genetics, in plain words" passage={s.passages.genetics} />
      <Passage id="treatment" heading="How it is usually treated" passage={s.passages.treatment} />

      {s.treatments.length ? (
        <section aria-labelledby="options-heading" className="mt-8">
          <h2 id="options-heading" className="text-xl font-semibold">
            Treatment options
          </h2>
          <ul className="mt-2 space-y-2">
            {s.treatments.map((t) => (
              <li key={t.slug}>
                <a href={`/treatments/${t.slug}`}>{t.name}</a>
                <span className="block text-sm text-slate-700">{t.summary}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {s.children.length ? (
        <section aria-labelledby="subtypes-heading" className="mt-8">
          <h2 id="subtypes-heading" className="text-xl font-semibold">
            Types within this group
          </h2>
          <ul className="mt-2 list-disc pl-6">
            {s.children.map((c) => (
              <li key={c.slug}>
                <a href={`/sarcomas/${c.slug}`}>{c.name}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="hospitals-heading" className="mt-8">
        <h2 id="hospitals-heading" className="text-xl font-semibold">
          Hospitals that treat it
        </h2>
        <p className="mt-2">
          The own pages of {plural(tiers.named, "hospital")} name {lowerFirst(s.name)}
          {s.parent ? ` or ${lowerFirst(s.parent.name)} in general` : ""}.
          {tiers.throughNetworks > 0
            ? ` ${plural(tiers.throughNetworks, "more centre")} ${tiers.throughNetworks === 1 ? "counts" : "count"} through a network whose source says its members treat this type:`
            : ""}
        </p>
        {tiers.networks.length ? (
          <ul className="mt-1 list-disc pl-6">
            {tiers.networks.map((n) => (
              <li key={n.slug}>
                <a href={`/networks/${n.slug}`}>{n.name}</a> ({plural(n.count, "centre")})
              </li>
            ))}
          </ul>
        ) : null}
        <p className="mt-2">
          <a href={hospitalsForType}>See them all on the hospital list</a>, those whose own pages name it first.
        </p>
        <NearBox id="type-near" action="/hospitals" button="Find the nearest for this type">
          <input type="hidden" name="tumor" value={s.slug} />
        </NearBox>
      </section>

      <TrialsLink id="trials" href={s.trialsUrl} label={lowerFirst(s.name)} />

      <FactsList facts={s.facts} heading="More facts from our sources" />
      {s.bodyHtml ? <div className="prose-body mt-8" dangerouslySetInnerHTML={{ __html: s.bodyHtml }} /> : null}
      <SourcesList sources={s.sources} />
    </article>
  );
}
