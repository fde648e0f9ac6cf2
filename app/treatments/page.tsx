import type { Metadata } from "next";
import { listTreatmentGroups } from "@/lib/data/treatments";

export const metadata: Metadata = {
  title: "Treatment options",
  description: "Surgery, radiotherapy, chemotherapy, targeted therapy, clinical trials and follow-up for childhood soft tissue sarcoma, in plain words.",
};

export default async function TreatmentsPage() {
  const groups = await listTreatmentGroups();
  return (
    <>
      <h1 className="text-3xl font-bold">Treatment options</h1>
      <p className="mt-2 max-w-2xl">
        Most children have more than one kind of treatment. Your child&apos;s team will plan which ones, and in what order, for your child&apos;s type of
        sarcoma. Each page says how strong the evidence is, and who it comes from.
      </p>
      <nav aria-label="Kinds of treatment" className="mt-4">
        <ul className="flex flex-wrap gap-x-4 gap-y-1">
          {groups.map((g) => (
            <li key={g.kind}>
              <a href={`#${g.kind}`}>{g.label}</a>
            </li>
          ))}
        </ul>
      </nav>
      {groups.map((g) => (
        <section key={g.kind} id={g.kind} aria-labelledby={`${g.kind}-heading`} className="mt-8 scroll-mt-4">
          <h2 id={`${g.kind}-heading`} className="text-2xl font-semibold">
            {g.label}
          </h2>
          <ul className="mt-3 grid gap-4 sm:grid-cols-2">
            {g.treatments.map((t) => (
              <li key={t.slug} className="rounded-md border border-slate-300 p-4">
                <h3 className="text-lg font-semibold">
                  <a href={`/treatments/${t.slug}`}>{t.name}</a>
                </h3>
                <p className="mt-1">{t.summary}</p>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
