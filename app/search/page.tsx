import type { Metadata } from "next";
import Link from "next/link";
import { SearchBox } from "@/components/search-box";
import { MAX_SEARCH_LENGTH, searchSite } from "@/lib/search";
import type { RawParams } from "@/lib/search-params";

export const metadata: Metadata = {
  title: "Search",
  description: "Search hospitals, sarcoma types, treatments, pathways and the glossary.",
  robots: { index: false },
};

const EXAMPLES = ["rhabdomyosarcoma", "GOSH", "proton beam therapy", "Manchester", "biopsy"];

export default async function SearchPage({ searchParams }: { searchParams: Promise<RawParams> }) {
  const raw = (await searchParams).q;
  const q = (Array.isArray(raw) ? raw[0] : raw ?? "").slice(0, MAX_SEARCH_LENGTH).trim();
  const outcome = await searchSite(q);

  return (
    <>
      <h1 className="text-3xl font-bold">Search</h1>
      <SearchBox id="search-q" label="Search hospitals, sarcoma types, treatments and words" action="/search" defaultValue={q} />

      {outcome.tokens.length === 0 ? (
        <section aria-labelledby="help-heading" className="mt-8">
          <h2 id="help-heading" className="text-xl font-semibold">
            {q ? "We need a word or two to search for" : "What are you looking for?"}
          </h2>
          <p className="mt-2">Type a hospital, a city, a type of sarcoma, a treatment or a word you have heard. For example:</p>
          <ul className="mt-2 flex flex-wrap gap-3">
            {EXAMPLES.map((e) => (
              <li key={e}>
                <Link href={`/search?q=${encodeURIComponent(e)}`} className="inline-block py-1">
                  {e}
                </Link>
              </li>
            ))}
          </ul>
          <p className="mt-4">
            Or browse <Link href="/hospitals">all hospitals</Link>, <Link href="/sarcomas">sarcoma types</Link> and{" "}
            <Link href="/glossary">the glossary</Link>.
          </p>
        </section>
      ) : (
        <section aria-labelledby="results-heading" className="mt-8">
          <h2 id="results-heading" className="text-xl font-semibold">
            {outcome.total === 0
              ? `Nothing found for “${q}”`
              : `${outcome.total} ${outcome.total === 1 ? "result" : "results"} for “${outcome.correctedFrom ? outcome.usedQuery : q}”`}
          </h2>
          {outcome.correctedFrom ? (
            <p className="mt-1" role="status">
              We found nothing for “{outcome.correctedFrom}”, so we searched for “{outcome.usedQuery}” instead.
            </p>
          ) : null}
          {outcome.total === 0 ? (
            <p className="mt-2">
              Check the spelling, try fewer words, or browse <Link href="/hospitals">all hospitals</Link> and{" "}
              <Link href="/sarcomas">sarcoma types</Link>.
            </p>
          ) : null}
          {outcome.groups.map((g) => (
            <section key={g.kind} aria-labelledby={`group-${g.kind}`} className="mt-6">
              <h3 id={`group-${g.kind}`} className="text-lg font-semibold">
                {g.label} ({g.results.length})
              </h3>
              <ol className="mt-2 space-y-3">
                {g.results.map((r) => (
                  <li key={r.url}>
                    <Link href={r.url} className="font-medium">
                      {r.title}
                    </Link>
                    <p className="text-sm text-slate-700 [&_mark]:bg-amber-100 [&_mark]:font-semibold [&_mark]:text-slate-900" dangerouslySetInnerHTML={{ __html: r.snippetHtml }} />
                  </li>
                ))}
              </ol>
            </section>
          ))}
        </section>
      )}
    </>
  );
}
