import type { Metadata } from "next";
import { listSarcomaGroups } from "@/lib/data/sarcomas";

export const metadata: Metadata = {
  title: "Types of soft tissue sarcoma in children",
  description: "Rhabdomyosarcoma and its subtypes, other soft tissue sarcomas, and related tumours, explained in plain words.",
};

export default async function SarcomasPage() {
  const groups = await listSarcomaGroups();
  return (
    <>
      <h1 className="text-3xl font-bold">Types of soft tissue sarcoma</h1>
      <p className="mt-2 max-w-2xl">
        Soft tissue sarcomas are cancers that start in muscle, fat, nerves or other tissues that connect and support the body. There are many types. The type
        decides how a child is treated, so it is worth knowing its name.
      </p>
      {groups.map((g) => (
        <section key={g.group} aria-labelledby={`group-${g.group}`} className="mt-8">
          <h2 id={`group-${g.group}`} className="text-2xl font-semibold">
            {g.label}
          </h2>
          <ul className="mt-3 grid gap-4 sm:grid-cols-2">
            {g.types.map((t) => (
              <li key={t.slug} className="rounded-md border border-slate-300 p-4">
                <h3 className="text-lg font-semibold">
                  <a href={`/sarcomas/${t.slug}`}>{t.name}</a>
                </h3>
                {t.otherNames.length ? <p className="text-sm text-slate-700">Also called: {t.otherNames.join(", ")}</p> : null}
                <p className="mt-1">{t.summary}</p>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
