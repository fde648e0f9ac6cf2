import { SearchBox } from "@/components/search-box";
import { listPlacesWithHospitals } from "@/lib/hospitals";
import { listPathways } from "@/lib/pathways";
import { listSarcomaGroups } from "@/lib/sarcomas";
import { hospitalsUrl } from "@/lib/search-params";

export default async function HomePage() {
  const [places, groups, pathways] = await Promise.all([listPlacesWithHospitals(), listSarcomaGroups(), listPathways()]);
  return (
    <>
      <h1 className="text-3xl font-bold">Find the hospitals that treat soft tissue sarcoma in children</h1>
      <p className="mt-3 max-w-2xl text-lg">
        If your child has just been diagnosed, this site can help you find specialist hospitals, compare them, and
        understand the treatment ahead. Every fact links to the public page it came from.
      </p>

      <SearchBox id="home-q" label="Search hospitals by name, city or sarcoma type" action="/hospitals" placeholder="For example: Manchester, rhabdomyosarcoma" />

      <div className="mt-10 grid gap-8 md:grid-cols-3">
        <section aria-labelledby="by-place">
          <h2 id="by-place" className="text-xl font-semibold">
            Hospitals by place
          </h2>
          <ul className="mt-2 space-y-1">
            {places.countries.map((c) => (
              <li key={c.slug}>
                <a href={hospitalsUrl({ country: [c.slug] })}>{c.name}</a> ({c.count})
              </li>
            ))}
          </ul>
          <details className="mt-3">
            <summary className="cursor-pointer font-medium">All {places.cities.length} cities</summary>
            <ul className="mt-2 columns-2 space-y-1 text-sm">
              {places.cities.map((c) => (
                <li key={c.slug}>
                  <a href={hospitalsUrl({ city: [c.slug] })}>{c.name}</a> ({c.count})
                </li>
              ))}
            </ul>
          </details>
        </section>
        <section aria-labelledby="by-type">
          <h2 id="by-type" className="text-xl font-semibold">
            By sarcoma type
          </h2>
          {groups.map((g) => (
            <div key={g.group} className="mt-2">
              <h3 className="font-medium">{g.label}</h3>
              <ul className="space-y-1 text-sm">
                {g.types
                  .filter((t) => !t.parentSlug || g.group !== "rhabdomyosarcoma")
                  .map((t) => (
                    <li key={t.slug}>
                      <a href={`/sarcomas/${t.slug}`}>{t.name}</a>
                    </li>
                  ))}
              </ul>
            </div>
          ))}
          <p className="mt-2 text-sm">
            <a href="/sarcomas">All sarcoma types</a>
          </p>
        </section>
        <section aria-labelledby="by-pathway">
          <h2 id="by-pathway" className="text-xl font-semibold">
            What treatment looks like
          </h2>
          <ul className="mt-2 space-y-2">
            {pathways.map((p) => (
              <li key={p.slug}>
                <a href={`/pathways/${p.slug}`}>{p.title}</a>
                <span className="block text-sm text-slate-700">{p.steps} steps, with questions to ask</span>
              </li>
            ))}
          </ul>
          <p className="mt-2 text-sm">
            <a href="/treatments">All treatment options</a> · <a href="/glossary">Words explained</a>
          </p>
        </section>
      </div>
    </>
  );
}
