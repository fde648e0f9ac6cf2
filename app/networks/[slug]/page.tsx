import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Passage } from "@/components/passage";
import { ReviewNote } from "@/components/review-note";
import { Cite, SourcesList } from "@/components/sources";
import { formatDate, formatNumber } from "@/lib/present/format";
import { getNetwork, listNetworkSlugs } from "@/lib/data/networks";

type Props = { params: Promise<{ slug: string }> };

export const dynamicParams = false;

export async function generateStaticParams() {
  return (await listNetworkSlugs()).map((slug) => ({ slug }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const n = await getNetwork((await params).slug);
  if (!n) return { title: "Network not found" };
  return { title: n.name, description: n.summary };
}

export default async function NetworkPage({ params }: Props) {
  const n = await getNetwork((await params).slug);
  if (!n) notFound();
  return (
    <article aria-labelledby="network-name">
      <p className="text-sm">
        <a href="/networks">Networks</a>
      </p>
      <h1 id="network-name" className="mt-2 text-3xl font-bold">
        {n.name}
      </h1>
      <p className="mt-1 text-slate-700">
        {n.shortName}
        {n.country ? ` · ${n.country.name}` : ""}
      </p>
      <p className="mt-4 text-lg">{n.summary}</p>
      <ReviewNote reviewed={n.reviewed} nextReview={n.nextReview} reviewedBy={n.reviewedBy} />

      <Passage id="about" heading="What it is" passage={n.passages.about} />
      <Passage id="membership" heading="What belonging to it means for a family" passage={n.passages.membership} />

      <section aria-labelledby="filter-heading" className="mt-8">
        <h2 id="filter-heading" className="text-xl font-semibold">
          How we use this list
        </h2>
        {n.scope ? (
          <>
            <p className="mt-2">
              {n.scope.text}
              <Cite sources={[n.scope.source]} /> So when you filter by a sarcoma type, its members are listed for {n.scope.label}, under their own heading,
              after the hospitals whose own pages name the type.
            </p>
            <p className="mt-2 text-sm">
              Types this covers:{" "}
              {n.sarcomaTypes.map((s, i) => (
                <span key={s.slug}>
                  {i > 0 ? ", " : ""}
                  <a href={`/sarcomas/${s.slug}`}>{s.name}</a>
                </span>
              ))}
              .
            </p>
          </>
        ) : (
          <p className="mt-2">
            Our sources for this network do not say its members treat every children&apos;s cancer or soft tissue sarcoma in particular, so membership alone
            does not add a centre to a sarcoma-type filter.
          </p>
        )}
      </section>

      <section aria-labelledby="members-heading" className="mt-8">
        <h2 id="members-heading" className="text-xl font-semibold">
          Its centres in our directory ({formatNumber(n.members.length)})
        </h2>
        <p className="mt-1 text-sm text-slate-700">
          From its list {n.list.dateKind === "published" ? "dated" : "as we saw it on"} {formatDate(n.list.date)}
          <Cite sources={[n.list.source]} />. Lists change: check with the network or the hospital.
        </p>
        <ul className="mt-2 space-y-1">
          {n.members.map((m) => (
            <li key={m.slug}>
              <a href={`/hospitals/${m.slug}`}>{m.name}</a> ({m.city}, {m.country})
            </li>
          ))}
        </ul>
      </section>

      {n.website ? (
        <p className="mt-6">
          Website:{" "}
          <a href={n.website} rel="noreferrer" className="wrap-anywhere">
            {n.website}
          </a>
        </p>
      ) : null}
      {n.bodyHtml ? <div className="prose-body mt-8" dangerouslySetInnerHTML={{ __html: n.bodyHtml }} /> : null}
      <SourcesList sources={n.sources} />
    </article>
  );
}
