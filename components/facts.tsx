import { formatDate } from "@/lib/format";
import type { SourceRef } from "@/lib/sources";
import { Cite } from "./sources";

type Fact = { text: string; kind: string; date: string | null; source: SourceRef };

const KIND_LABEL: Record<string, string> = {
  claim: "The hospital's own description",
  change: "Change in progress",
};

/** Sourced facts; a hospital's own claims and changes in progress are labelled as such. */
export function FactsList({
  facts,
  heading = "What our sources say",
  id = "facts",
  className = "",
}: {
  facts: Fact[];
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
            {KIND_LABEL[f.kind] ? (
              <span className="mr-1 block text-sm font-semibold text-slate-700">
                {KIND_LABEL[f.kind]}
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
