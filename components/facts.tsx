import { formatDate } from "@/lib/present/format";
import { FACT_KINDS } from "@/lib/domain";
import type { FactView } from "@/lib/data/sources";
import { Cite } from "./sources";

/** Sourced facts; a hospital's own claims and changes in progress are labelled as such. */
export function FactsList({
  facts,
  heading = "What our sources say",
  id = "facts",
  className = "",
}: {
  facts: FactView[];
  heading?: string;
  id?: string;
  className?: string;
}) {
  if (facts.length === 0) return null;
  return (
    <section aria-labelledby={`${id}-heading`} className={`mt-8 ${className}`}>
      <h2 id={`${id}-heading`} className="text-xl font-semibold">
        {heading}
      </h2>
      <ul className="mt-3 space-y-3">
        {facts.map((f, i) => (
          <li key={i} className="border-l-4 border-slate-300 pl-3">
            {FACT_KINDS[f.kind] ? (
              <span className="mr-1 block text-sm font-semibold text-slate-700">
                {FACT_KINDS[f.kind]}
                {f.date ? ` (source dated ${formatDate(f.date)})` : ""}:
              </span>
            ) : null}
            {f.text}
            <Cite sources={[f.source]} />
          </li>
        ))}
      </ul>
    </section>
  );
}
