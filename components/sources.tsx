import type { SourceRef } from "@/lib/data/sources";

/** An inline citation: links to the numbered entry in the page's source list. */
export function Cite({ sources }: { sources: SourceRef[] }) {
  if (sources.length === 0) return null;
  return (
    <span className="cite">
      {sources.map((s) => (
        <a key={s.n} href={`#source-${s.n}`} aria-label={`Source ${s.n}: ${s.title}`}>
          {`[${s.n}]`}
        </a>
      ))}
    </span>
  );
}

/**
 * The page's numbered sources, each a link a parent can open. `printFirst`: on paper, only
 * sources up to that number (those of the parts that print; the screen shows them all).
 */
export function SourcesList({ sources, printFirst }: { sources: SourceRef[]; printFirst?: number }) {
  return (
    <section aria-labelledby="sources-heading" className="sources mt-10 border-t border-slate-300 pt-6">
      <h2 id="sources-heading" className="text-xl font-semibold">
        Sources
      </h2>
      <p className="mt-1 text-sm text-slate-700">Every fact on this page comes from one of these public pages. Open them to check what they say.</p>
      <ol className="mt-3 space-y-2 text-sm">
        {sources.map((s) => (
          <li key={s.n} id={`source-${s.n}`} className={printFirst !== undefined && s.n > printFirst ? "scroll-mt-4 print:hidden" : "scroll-mt-4"}>
            <span className="font-semibold">{`[${s.n}]`}</span>{" "}
            <a href={s.url} rel="noreferrer" className="print-url wrap-anywhere">
              {s.title}
            </a>
            <span className="text-slate-700"> ({s.publisher})</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
