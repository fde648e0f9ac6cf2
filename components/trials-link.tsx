import { getGlossaryTerms, type GlossaryView } from "@/lib/data/glossary";

/** The glossary terms that explain a trial, shown beside every trials link. */
export const TRIAL_TERMS = ["clinical-trial", "phase-1-trial", "phase-2-trial", "phase-3-trial", "eligibility-criteria"] as const;

async function trialTerms(): Promise<GlossaryView[]> {
  try {
    return await getGlossaryTerms([...TRIAL_TERMS]);
  } catch {
    // The link still helps without the definitions.
    return [];
  }
}

/**
 * A link to ClinicalTrials.gov's search, already filtered (lib/params/trials.ts), with what a
 * trial is, what its phases mean (from the glossary) and who decides whether a child can
 * join. `label` says what the search finds, for example "rhabdomyosarcoma near Leeds".
 */
export async function TrialsLink({ href, label, id, level = 2 }: { href: string; label: string; id: string; level?: 2 | 3 }) {
  const terms = await trialTerms();
  const H = level === 2 ? "h2" : "h3";
  const term = (slug: string) => terms.find((t) => t.slug === slug);
  const phases = terms.filter((t) => t.slug.startsWith("phase-"));
  const trial = term("clinical-trial");
  const eligibility = term("eligibility-criteria");
  return (
    <section aria-labelledby={`${id}-heading`} className="mt-8 rounded-md border border-slate-300 p-4">
      <H id={`${id}-heading`} className={level === 2 ? "text-xl font-semibold" : "text-lg font-semibold"}>
        Clinical trials open to children
      </H>
      <p className="mt-2">
        <a href={href} rel="noreferrer" className="font-semibold wrap-anywhere">
          Recruiting trials for children: {label}
        </a>{" "}
        <span className="text-sm text-slate-700">
          (a search on ClinicalTrials.gov, the US National Library of Medicine&apos;s register of studies. We link to it rather than copy it, because trials
          open and close every week.)
        </span>
      </p>
      {trial ? (
        <div className="mt-2 text-sm">
          <p className="font-semibold">What a trial is</p>
          <div className="prose-body" dangerouslySetInnerHTML={{ __html: trial.html }} />
        </div>
      ) : null}
      {phases.length ? (
        <details className="mt-2 text-sm">
          <summary className="cursor-pointer font-semibold">What the phases of a trial mean</summary>
          <dl className="mt-2 space-y-2">
            {phases.map((p) => (
              <div key={p.slug}>
                <dt className="font-semibold">
                  <a href={`/glossary#${p.slug}`}>{p.term}</a>
                </dt>
                <dd dangerouslySetInnerHTML={{ __html: p.html }} />
              </div>
            ))}
          </dl>
        </details>
      ) : null}
      <p className="mt-2 text-sm">
        <span className="font-semibold">Who decides: </span>
        whether a trial suits your child, and whether your child can join it, is for your child&apos;s care team and the trial&apos;s own team to decide
        {eligibility ? (
          <>
            {" "}
            (see <a href="/glossary#eligibility-criteria">eligibility criteria</a>)
          </>
        ) : null}
        . Take anything you find to your child&apos;s team. A trial registered only elsewhere will not be in this search.
      </p>
    </section>
  );
}
