import type { Metadata } from "next";
import { listNetworks } from "@/lib/data/networks";
import { formatNumber } from "@/lib/present/format";

export const metadata: Metadata = {
  title: "Networks of children's cancer centres",
  description: "The lists that name children's cancer centres, what each is, and what belonging to one means for a family.",
};

export default async function NetworksPage() {
  const networks = await listNetworks();
  return (
    <>
      <h1 className="text-3xl font-bold">Networks of children&apos;s cancer centres</h1>
      <p className="mt-4 max-w-prose">
        A network is a group of hospitals named on a list: a trials group, a national service, or a European network. We use these lists to say which centres
        care for children with cancer. A list says a centre belongs. It does not say which services the centre has.
      </p>
      <ul className="mt-6 space-y-4">
        {networks.map((n) => (
          <li key={n.slug} className="rounded-md border border-slate-300 p-4">
            <h2 className="text-lg font-semibold">
              <a href={`/networks/${n.slug}`}>{n.name}</a>
            </h2>
            <p className="text-sm text-slate-700">
              {n.shortName}
              {n.country ? ` · ${n.country}` : ""} · {formatNumber(n.members)} {n.members === 1 ? "centre" : "centres"} in our directory
            </p>
            <p className="mt-2">{n.summary}</p>
            {n.scopeLabel ? <p className="mt-1 text-sm">Its members count for {n.scopeLabel} in our sarcoma-type filter.</p> : null}
          </li>
        ))}
      </ul>
    </>
  );
}
