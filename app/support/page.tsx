import type { Metadata } from "next";
import { SourcesList } from "@/components/sources";
import { SupportList } from "@/components/support-list";
import { formatDate } from "@/lib/present/format";
import { SourceList } from "@/lib/data/sources";
import { getSupport } from "@/lib/data/support";

export const metadata: Metadata = {
  title: "Help for families",
  description:
    "Charities, helplines, grants, help with travel costs and places to stay for families of children with cancer, country by country, each with its source.",
};

export default async function SupportPage() {
  const list = new SourceList();
  const countries = await getSupport(null, list);
  const orgs = countries.flatMap((c) => c.organisations);
  const oldest = orgs.map((o) => o.reviewed).sort()[0];
  return (
    <article aria-labelledby="support-title">
      <h1 id="support-title" className="text-3xl font-bold">
        Help for families
      </h1>
      <p className="mt-3 max-w-3xl text-lg">
        When a child has cancer, families often need more than medical care: someone to talk to, help with money and travel, a place to stay near the hospital,
        and support for brothers and sisters. These national charities, services and government schemes say they help. Each detail links to the page it comes
        from.
      </p>
      <p className="mt-2 max-w-3xl text-sm text-slate-700">
        Compiled from public sources by the directory team and not reviewed by a clinician. Each organisation says when we last checked it
        {oldest ? ` (the oldest check: ${formatDate(oldest)})` : ""}. Services, numbers and opening hours change, so check with the organisation. The
        hospital&apos;s social worker can tell you about local help too.
      </p>
      <nav aria-labelledby="support-countries" className="mt-6 rounded-md border border-slate-300 p-4">
        <h2 id="support-countries" className="font-semibold">
          Countries
        </h2>
        <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1">
          {countries.map((c) => (
            <li key={c.country.slug}>
              <a href={`#support-${c.country.slug}`} className="inline-block py-1">
                {c.country.name} ({c.organisations.length})
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <SupportList countries={countries} level={2} />
      <SourcesList sources={list.all()} />
    </article>
  );
}
