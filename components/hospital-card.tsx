import type { ElementContent } from "hast";
import { h } from "hastscript";
import type { HospitalCard as Card } from "@/lib/data/hospitals";
import { formatDate, lowerFirst } from "@/lib/present/format";
import { formatDistance } from "@/lib/present/geo";
import { innerHtml } from "@/lib/present/markup";

// A listing's cards, built with hastscript and sent as one string (lib/present/markup.ts):
// twenty cards are about 460 elements, which React renders twice for each listing the page
// cache has not kept. Plain markup only: links, text and each card's compare box.

/** One hospital's card: where it is, what its pages list, when it was reviewed, and a box to compare it. */
function card(c: Card, backQuery: string): ElementContent {
  const id = `h-${c.slug}`;
  const listed = (items: string[]) => (items.length ? items.join(", ") : "not listed in our sources");
  return h("article", { className: "rounded-md border border-slate-300 p-4", "aria-labelledby": id }, [
    h("h3", { id, className: "text-lg font-semibold" }, h("a", { href: `/hospitals/${c.slug}${backQuery}` }, c.name)),
    h("p", { className: "text-sm text-slate-700" }, [`${c.city}, ${c.country}`, c.kind].filter(Boolean).join(" · ")),
    c.distanceKm !== null
      ? h(
          "p",
          { className: "mt-1 text-sm font-medium" },
          `${formatDistance(c.distanceKm)} away${c.approximatePosition ? " (approximate: measured from the city centre, as our sources give no exact position)" : ""}`,
        )
      : null,
    h("p", { className: "mt-2" }, c.summary),
    c.tier === 2
      ? h(
          "p",
          { className: "mt-2 rounded bg-slate-100 px-2 py-1 text-sm" },
          c.tierNetworks.map((n, i) =>
            h("span", [
              `${i > 0 ? " " : ""}Counts through `,
              h("a", { href: `/networks/${n.slug}` }, n.shortName),
              n.scopeText ? `: ${lowerFirst(n.scopeText.replace(/\.$/, ""))}.` : ".",
            ]),
          ),
        )
      : null,
    h("dl", { className: "mt-2 text-sm" }, [
      c.networks.length ? fact("Networks: ", c.networks.map((n) => n.shortName).join(", ")) : null,
      fact("Sarcoma types its pages name: ", listed(c.sarcomaTypes)),
      fact("Services listed: ", listed(c.services)),
    ]),
    h("div", { className: "mt-2 flex flex-wrap items-center justify-between gap-2" }, [
      h("p", { className: "text-xs text-slate-700" }, `Last reviewed ${formatDate(c.reviewed)}`),
      h("label", { className: "no-print flex items-center gap-2 text-sm" }, [
        h("input", { type: "checkbox", name: "h", value: c.slug, form: "compare-form", className: "size-4" }),
        "Compare",
        h("span", { className: "sr-only" }, ` ${c.name}`),
      ]),
    ]),
  ]);
}

const fact = (term: string, value: string) => h("div", [h("dt", { className: "inline font-semibold" }, term), h("dd", { className: "inline" }, value)]);

/** The cards of one part of a listing, as a list. `backQuery` keeps the listing's filters on each profile link. */
export function HospitalCards({ items, backQuery }: { items: Card[]; backQuery: string }) {
  return <ul className="mt-4 space-y-4" dangerouslySetInnerHTML={innerHtml(items.map((c) => h("li", card(c, backQuery))))} />;
}
