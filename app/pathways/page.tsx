import type { Metadata } from "next";
import { listPathways } from "@/lib/data/pathways";

export const metadata: Metadata = {
  title: "Treatment pathways",
  description: "What treatment for childhood soft tissue sarcoma usually looks like, step by step, with questions to ask.",
};

export default async function PathwaysPage() {
  const pathways = await listPathways();
  return (
    <>
      <h1 className="text-3xl font-bold">Treatment pathways</h1>
      <p className="mt-2 max-w-2xl">
        A pathway is the usual order of tests and treatment. Every child&apos;s plan is made for them, so use these to know what to expect and what to ask. Each
        pathway prints as a checklist to take to appointments.
      </p>
      <ul className="mt-6 space-y-4">
        {pathways.map((p) => (
          <li key={p.slug} className="rounded-md border border-slate-300 p-4">
            <h2 className="text-xl font-semibold">
              <a href={`/pathways/${p.slug}`}>{p.title}</a>
            </h2>
            <p className="mt-1">{p.summary}</p>
            <p className="mt-1 text-sm text-slate-700">{p.steps} steps</p>
          </li>
        ))}
      </ul>
    </>
  );
}
