import type { PassageView } from "@/lib/data/passages";
import { Cite } from "./sources";

/** A section of our prose (sanitised at build time) with its sources. */
export function Passage({ id, heading, passage, level = 2 }: { id: string; heading: string; passage?: PassageView; level?: 2 | 3 }) {
  if (!passage) return null;
  const H = level === 2 ? "h2" : "h3";
  return (
    <section aria-labelledby={`${id}-heading`} className="mt-8">
      <H id={`${id}-heading`} className={level === 2 ? "text-xl font-semibold" : "text-lg font-semibold"}>
        {heading}
      </H>
      {passage.unverified ? (
        <p className="mt-1 text-sm font-semibold text-amber-900">Not confirmed: our sources only suggest this. Check with your care team.</p>
      ) : null}
      <div className="passage prose-body mt-2" dangerouslySetInnerHTML={{ __html: passage.html }} />
      <p className="mt-1 text-sm text-slate-700">
        Sources: <Cite sources={passage.sources} />
      </p>
    </section>
  );
}
