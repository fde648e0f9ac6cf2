import type { Metadata } from "next";
import { SearchBox } from "@/components/search-box";
import { isKeyOf, SEARCH_KINDS, type SearchKind } from "@/lib/domain";
import { MAX_RESULTS_PER_PAGE, MAX_SEARCH_LENGTH, searchSite } from "@/lib/data/search";
import type { RawParams } from "@/lib/params/search-params";

export const metadata: Metadata = {
  title: "Search",
  description: "Search hospitals, sarcoma types, treatments, pathways and the glossary.",
  robots: { index: false },
};

const EXAMPLES = ["rhabdomyosarcoma", "GOSH", "proton beam therapy", "Manchester", "biopsy"];

export default async function SearchPage({ searchParams }: { searchParams: Promise<RawParams> }) {
  const params = await searchParams;
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";
  const q = first(params.q).slice(0, MAX_SEARCH_LENGTH).trim();
  // ?kind=hospital lists every result of one kind; anything else there is ignored.
  const kindParam = first(params.kind);
  const kind = isKeyOf(SEARCH_KINDS, kindParam) ? kindParam : null;
  const outcome = await searchSite(q, kind);
  const shownQuery = outcome.correctedFrom ? outcome.usedQuery : q;
  const searchUrl = (query: string, k?: SearchKind) => `/search?q=${encodeURIComponent(query)}${k ? `&kind=${k}` : ""}`;

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
                <a href={searchUrl(e)} className="inline-block py-1">
                  {e}
                </a>
              </li>
            ))}
          </ul>
          <p className="mt-4">
            Or browse <a href="/hospitals">all hospitals</a>, <a href="/sarcomas">sarcoma types</a> and <a href="/glossary">the glossary</a>.
          </p>
        </section>
      ) : (
        <section aria-labelledby="results-heading" className="mt-8">
          <h2 id="results-heading" className="text-xl font-semibold">
            {outcome.total === 0
              ? `Nothing found for “${q}”`
              : `${kind ? `${SEARCH_KINDS[kind]}: ` : ""}${outcome.total} ${outcome.total === 1 ? "result" : "results"} for “${shownQuery}”`}
          </h2>
          {kind ? (
            <p className="mt-1">
              <a href={searchUrl(q)}>See results of every kind</a>
            </p>
          ) : null}
          {outcome.correctedFrom ? (
            <p className="mt-1" role="status">
              We found nothing for “{outcome.correctedFrom}”, so we searched for “{outcome.usedQuery}” instead.
            </p>
          ) : null}
          {outcome.total === 0 ? (
            <p className="mt-2">
              Check the spelling, try fewer words, or browse <a href="/hospitals">all hospitals</a> and <a href="/sarcomas">sarcoma types</a>.
            </p>
          ) : null}
          {outcome.groups.map((g) => (
            <section key={g.kind} aria-labelledby={`group-${g.kind}`} className="mt-6">
              <h3 id={`group-${g.kind}`} className="text-lg font-semibold">
                {g.label} ({g.results.length < g.total ? `${g.results.length} of ${g.total}` : g.total})
              </h3>
              <ol className="mt-2 space-y-3">
                {g.results.map((r) => (
                  <li key={r.url}>
                    <a href={r.url} className="font-medium">
                      {r.title}
                    </a>
                    <p
                      className="text-sm text-slate-700 [&_mark]:bg-amber-100 [&_mark]:font-semibold [&_mark]:text-slate-900"
                      dangerouslySetInnerHTML={{ __html: r.snippetHtml }}
                    />
                  </li>
                ))}
              </ol>
              {g.results.length < g.total ? (
                kind ? (
                  <p className="mt-3 text-sm">
                    These are the best {MAX_RESULTS_PER_PAGE} matches. Add a word to your search to narrow it
                    {g.kind === "hospital" ? (
                      <>
                        , or <a href="/hospitals">filter the hospital list</a> by place and sarcoma type
                      </>
                    ) : null}
                    .
                  </p>
                ) : (
                  <p className="mt-3">
                    <a href={searchUrl(q, g.kind)}>
                      See all {g.total} {g.label.toLowerCase()} for “{shownQuery}”
                    </a>
                  </p>
                )
              ) : null}
            </section>
          ))}
        </section>
      )}
    </>
  );
}
