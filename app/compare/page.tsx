import type { Metadata } from "next";
import { HospitalChoices } from "@/components/hospital-choices";
import { Notices } from "@/components/notices";
import type { ReactNode } from "react";
import { getComparison, getHospitalNames, type ComparedHospital } from "@/lib/data/compare";
import { formatDate } from "@/lib/present/format";
import { formatDistance } from "@/lib/present/geo";
import { NearAnswerNote } from "@/components/near-answer";
import { NearField } from "@/components/near-box";
import { resolveNear } from "@/lib/data/near";
import type { SourceRef } from "@/lib/data/sources";
import { compareUrl, MAX_COMPARE, packUrl, parseCompareParams, type RawParams } from "@/lib/params/search-params";

export const metadata: Metadata = {
  title: "Compare hospitals",
  description: "Two to four hospitals side by side: place, sarcoma types, services, referral, contact and sources.",
  robots: { index: false },
};

const NOT_LISTED = "Not listed in our sources";

function SourceLink({ source }: { source: SourceRef }) {
  return (
    <a href={source.url} rel="noreferrer" className="ml-1 text-sm" aria-label={`Source: ${source.title}`}>
      (source)
    </a>
  );
}

type Row = { label: string; key: (h: ComparedHospital) => string; cell: (h: ComparedHospital) => ReactNode };

function rows(near: string | null, services: { slug: string; name: string }[]): Row[] {
  const list: Row[] = [{ label: "Place", key: (h) => `${h.city.name}, ${h.country.name}`, cell: (h) => `${h.city.name}, ${h.country.name}` }];
  if (near) {
    list.push({
      label: `Distance from ${near}`,
      key: (h) => (h.distanceKm === null ? "" : String(Math.round(h.distanceKm))),
      cell: (h) => (h.distanceKm === null ? "" : `${formatDistance(h.distanceKm)}${h.position.approximate ? " (approximate)" : ""}`),
    });
  }
  list.push({
    label: "Networks",
    key: (h) => h.networks.map((n) => n.slug).join(","),
    cell: (h) =>
      h.networks.length ? (
        <ul className="space-y-1">
          {h.networks.map((n) => (
            <li key={n.slug}>
              <a href={`/networks/${n.slug}`}>{n.shortName}</a>
              <SourceLink source={n.source} />
            </li>
          ))}
        </ul>
      ) : (
        NOT_LISTED
      ),
  });
  list.push({
    label: "Sarcoma types",
    key: (h) => `${h.sarcomaTypes.map((t) => t.slug).join(",")}|${h.networkTypes.map((t) => t.slug).join(",")}`,
    cell: (h) =>
      h.sarcomaTypes.length || h.networkTypes.length ? (
        <>
          {h.sarcomaTypes.length ? (
            <ul className="space-y-1">
              {h.sarcomaTypes.map((t) => (
                <li key={t.slug}>
                  <a href={`/sarcomas/${t.slug}`}>{t.name}</a>
                  <SourceLink source={t.source} />
                </li>
              ))}
            </ul>
          ) : null}
          {h.networkTypes.length ? (
            <p className={h.sarcomaTypes.length ? "mt-2 text-sm" : "text-sm"}>
              {h.sarcomaTypes.length ? "Also, through " : "Through "}
              {[...new Set(h.networkTypes.flatMap((t) => t.networks))].join(", ")}: {h.networkTypes.length} more{" "}
              {h.networkTypes.length === 1 ? "type" : "types"} (<a href={`/hospitals/${h.slug}#treats-heading`}>see which</a>)
            </p>
          ) : null}
        </>
      ) : (
        NOT_LISTED
      ),
  });
  for (const service of services) {
    list.push({
      label: service.name,
      key: (h) => {
        const s = h.services.find((x) => x.slug === service.slug);
        return s ? (s.available ? "yes" : "no") : "unknown";
      },
      cell: (h) => {
        const s = h.services.find((x) => x.slug === service.slug);
        return s ? (
          <>
            {s.available ? "Yes" : "Not on site"}
            {s.note ? `: ${s.note}` : ""}
            <SourceLink source={s.source} />
          </>
        ) : (
          NOT_LISTED
        );
      },
    });
  }
  const field = (label: string, k: "referral" | "phone" | "website") => ({
    label,
    key: (h: ComparedHospital) => h.fields[k]?.value ?? "",
    cell: (h: ComparedHospital) => {
      const f = h.fields[k];
      if (!f) return NOT_LISTED;
      const value =
        k === "website" ? (
          <a href={f.value} rel="noreferrer" className="wrap-anywhere">
            {f.value}
          </a>
        ) : (
          f.value
        );
      return (
        <>
          {value}
          <SourceLink source={f.source} />
          {f.unverified ? <span className="block text-sm font-semibold text-amber-900">Not confirmed: check with the hospital</span> : null}
        </>
      );
    },
  });
  list.push(field("How to be referred", "referral"), field("Phone", "phone"), field("Website", "website"));
  list.push({
    label: "Sources",
    key: (h) => String(h.sources.length),
    cell: (h) => <a href={`/hospitals/${h.slug}#sources-heading`}>{h.sources.length} sources on its page</a>,
  });
  list.push({ label: "Last reviewed", key: (h) => h.reviewed, cell: (h) => formatDate(h.reviewed) });
  return list;
}

export default async function ComparePage({ searchParams }: { searchParams: Promise<RawParams> }) {
  const raw = await searchParams;
  const names = await getHospitalNames(([] as string[]).concat(raw.h ?? []));
  const { slugs, near: nearText, notices } = parseCompareParams(raw, { hospitals: names });
  const answer = nearText ? await resolveNear(nearText) : null;
  const from = answer?.status === "found" ? answer.place : null;
  const near = from?.near ?? null;
  const { hospitals, services } = await getComparison(slugs, from);
  const table = rows(from?.label ?? null, services);
  const differs = (row: Row) => hospitals.length > 1 && new Set(hospitals.map(row.key)).size > 1;

  return (
    <>
      <h1 className="text-3xl font-bold">Compare hospitals</h1>
      <p className="mt-2 max-w-2xl">
        Up to {MAX_COMPARE} hospitals side by side. Rows where they differ are marked. &ldquo;{NOT_LISTED}&rdquo; means our sources do not say; ask the
        hospital.
      </p>

      <Notices notices={notices} />

      {answer ? <NearAnswerNote answer={answer} href={(n) => compareUrl(slugs, n)} withoutDistances="The comparison below has no distances." /> : null}

      {hospitals.length < 2 ? (
        <p className="mt-4 font-semibold">
          Choose at least two hospitals to compare{hospitals.length === 1 ? ` with ${hospitals[0].name}` : ""}. You can also tick hospitals on the{" "}
          <a href="/hospitals">hospital list</a>.
        </p>
      ) : null}

      {hospitals.length > 0 ? (
        <>
          <p className="no-print mt-4">
            <a href={packUrl(slugs, null)} className="font-semibold">
              Make a family pack
            </a>
            : one printable page with these hospitals&apos; contacts and referral routes, the questions to ask, and help for families.
          </p>
          <div className="mt-6 hidden overflow-x-auto md:block">
            <table className="w-full table-fixed border-collapse text-left align-top">
              <caption className="sr-only">Hospitals compared side by side</caption>
              <thead>
                <tr>
                  <td className="w-40" />
                  {hospitals.map((h) => (
                    <th key={h.slug} scope="col" className="border-b-2 border-slate-400 p-2 align-bottom wrap-anywhere">
                      <a href={`/hospitals/${h.slug}`}>{h.name}</a>
                      <a
                        href={compareUrl(
                          slugs.filter((s) => s !== h.slug),
                          near,
                        )}
                        className="no-print mt-1 block text-sm font-normal"
                      >
                        Remove<span className="sr-only"> {h.name} from the comparison</span>
                      </a>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {table.map((row) => {
                  const diff = differs(row);
                  return (
                    <tr key={row.label} className={diff ? "bg-amber-50" : undefined}>
                      <th scope="row" className="border-b border-slate-300 p-2 align-top font-semibold">
                        {row.label}
                        {diff ? <span className="block text-xs font-normal text-amber-900">Differs</span> : null}
                      </th>
                      {hospitals.map((h) => (
                        <td key={h.slug} className="border-b border-slate-300 p-2 align-top wrap-anywhere">
                          {row.cell(h)}
                        </td>
                      ))}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>

          <ul className="mt-6 space-y-4 md:hidden">
            {hospitals.map((h) => (
              <li key={h.slug} className="rounded-md border border-slate-300 p-4">
                <h2 className="text-lg font-semibold">
                  <a href={`/hospitals/${h.slug}`}>{h.name}</a>
                </h2>
                <dl className="mt-2 space-y-2">
                  {table.map((row) => (
                    <div key={row.label} className={differs(row) ? "-mx-2 bg-amber-50 px-2" : undefined}>
                      <dt className="font-semibold">
                        {row.label}
                        {differs(row) ? <span className="ml-2 text-xs font-normal text-amber-900">(differs)</span> : null}
                      </dt>
                      <dd>{row.cell(h)}</dd>
                    </div>
                  ))}
                </dl>
                <a
                  href={compareUrl(
                    slugs.filter((s) => s !== h.slug),
                    near,
                  )}
                  className="no-print mt-2 inline-block"
                >
                  Remove<span className="sr-only"> {h.name} from the comparison</span>
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <form action="/compare" method="get" className="no-print mt-8 max-w-xl space-y-3 rounded-md border border-slate-300 p-4">
        <h2 className="font-semibold">Change the comparison</h2>
        <HospitalChoices id="add-h" chosen={slugs} options={names} />
        <NearField id="compare-near" defaultValue={from?.label ?? answer?.asked} />
        <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
          Update comparison
        </button>
      </form>
    </>
  );
}
