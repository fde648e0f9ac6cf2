import type { Metadata } from "next";
import { ReviewNote } from "@/components/review-note";
import { SourcesList } from "@/components/sources";
import { listGlossary } from "@/lib/data/glossary";

export const metadata: Metadata = {
  title: "Glossary: words you may hear",
  description: "Plain explanations of the medical words parents meet when a child has soft tissue sarcoma.",
};

export default async function GlossaryPage() {
  const terms = await listGlossary();
  const sources = [...new Map(terms.map((t) => [t.source.url, t.source])).values()].map((s, i) => ({ ...s, n: i + 1 }));
  const numberOf = new Map(sources.map((s) => [s.url, s.n]));
  const letters = [...new Set(terms.map((t) => t.term.charAt(0).toUpperCase()))];
  return (
    <>
      <h1 className="text-3xl font-bold">Glossary: words you may hear</h1>
      <p className="mt-2 max-w-2xl">
        Doctors and nurses use many new words. Here they are in plain English. Words with a dotted underline on other pages link here.
      </p>
      <nav aria-label="Glossary letters" className="mt-4">
        <ul className="flex flex-wrap gap-2">
          {letters.map((l) => (
            <li key={l}>
              <a href={`#letter-${l}`} className="inline-block px-2 py-1">
                {l}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {terms.length ? <ReviewNote reviewed={terms[0].reviewed} nextReview={terms[0].nextReview} reviewedBy={null} /> : null}
      <dl className="mt-6 space-y-4">
        {terms.map((t, i) => {
          const first = i === 0 || terms[i - 1].term.charAt(0).toUpperCase() !== t.term.charAt(0).toUpperCase();
          const n = numberOf.get(t.source.url)!;
          return (
            <div key={t.slug} id={t.slug} className="scroll-mt-4">
              <dt id={first ? `letter-${t.term.charAt(0).toUpperCase()}` : undefined} className="scroll-mt-4 text-lg font-semibold">
                {t.term}
                {t.aliases.length ? <span className="ml-2 text-sm font-normal text-slate-700">(also: {t.aliases.join(", ")})</span> : null}
              </dt>
              <dd className="mt-1">
                <div className="prose-body" dangerouslySetInnerHTML={{ __html: t.html }} />
                <a href={`#source-${n}`} className="text-sm" aria-label={`Source ${n}: ${t.source.title}`}>
                  [{n}]
                </a>
              </dd>
            </div>
          );
        })}
      </dl>
      <SourcesList sources={sources} />
    </>
  );
}
