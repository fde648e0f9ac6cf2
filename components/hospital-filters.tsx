import { h } from "hastscript";
import type { ReactNode } from "react";
import type { FacetOption } from "@/lib/data/hospitals";
import type { HospitalFilters } from "@/lib/params/search-params";
import { innerHtml } from "@/lib/present/markup";
import { AutoSubmit } from "./auto-submit";
import { NearField } from "./near-box";

type Facets = Record<"city" | "country" | "tumor" | "service", FacetOption[]>;

/** A filter's box: closed until something in it is chosen, which its summary then counts. */
function FacetGroup({ legend, hint, chosen, children }: { legend: string; hint: string; chosen: number; children: ReactNode }) {
  return (
    <details className="rounded border border-slate-300 p-3" open={chosen > 0}>
      <summary className="cursor-pointer font-semibold">
        {legend}
        {chosen > 0 ? ` (${chosen} chosen)` : ""}
      </summary>
      <fieldset className="mt-2">
        <legend className="text-sm text-slate-700">{hint}</legend>
        {children}
      </fieldset>
    </details>
  );
}

/** One box to tick for each option, with how many hospitals it would leave (as one string: lib/present/markup.ts). */
function FacetBoxes({ name, options, scroll = false }: { name: string; options: FacetOption[]; scroll?: boolean }) {
  return (
    // Styled from the list, not per option: the listing renders every option on every
    // request, and per-option class names were a fifth of its HTML.
    <ul
      className={`mt-1 space-y-1 ${scroll ? "max-h-72 overflow-y-auto pr-1 " : ""}[&_input]:mt-1.5 [&_input]:size-4 [&_input]:shrink-0 [&_label]:flex [&_label]:items-start [&_label]:gap-2 [&_label]:py-0.5`}
      dangerouslySetInnerHTML={innerHtml(
        options.map((o) => h("li", h("label", [h("input", { type: "checkbox", name, value: o.slug, checked: o.selected }), `${o.name} (${o.count})`]))),
      )}
    />
  );
}

/** A filter whose every option is a box (sarcoma types, countries, services: tens of options). */
function BoxFilter({ name, legend, options, hint }: { name: string; legend: string; options: FacetOption[]; hint: string }) {
  return (
    <FacetGroup legend={legend} hint={hint} chosen={options.filter((o) => o.selected).length}>
      <FacetBoxes name={name} options={options} scroll />
    </FacetGroup>
  );
}

/**
 * Cities are too many for a box each (hundreds, most of them a phone's screen apart): the
 * cities already chosen stay as ticked boxes, to untick, and one list adds another. Only
 * cities with a hospital for the other choices are offered. The list does not submit the
 * form by itself (a keyboard user moving through it would be sent away on the first arrow
 * key); the form's button does.
 */
function CityFilter({ options }: { options: FacetOption[] }) {
  const chosen = options.filter((o) => o.selected);
  const offered = options.filter((o) => !o.selected && o.count > 0);
  return (
    <FacetGroup legend="City" hint="Hospitals in any of these cities. Choose a city, then press Show hospitals." chosen={chosen.length}>
      {chosen.length > 0 ? <FacetBoxes name="city" options={chosen} /> : null}
      {offered.length > 0 ? (
        <>
          <label htmlFor="city-add" className="mt-2 block text-sm font-semibold">
            {chosen.length > 0 ? "Add a city" : "City"}
          </label>
          {/* The first option, selected as the first is, leaves the city as it is. */}
          <select
            id="city-add"
            name="city"
            data-manual=""
            className="mt-1 w-full rounded border border-slate-500 bg-white px-3 py-2"
            dangerouslySetInnerHTML={innerHtml([
              h("option", { value: "" }, chosen.length > 0 ? "No other city" : "Any city"),
              ...offered.map((o) => h("option", { value: o.slug }, `${o.name} (${o.count})`)),
            ])}
          />
        </>
      ) : null}
    </FacetGroup>
  );
}

/** The listing's filters: a GET form, so every choice is a shareable URL and works without JavaScript. */
export function HospitalFiltersForm({
  filters,
  facets,
  nearText,
  nonce,
}: {
  filters: HospitalFilters;
  facets: Facets;
  /** What the near field shows: the place distances are measured from, or what was typed. */
  nearText: string | null;
  /** The request's CSP nonce, where the page is rendered per request (proxy.ts). */
  nonce?: string | null;
}) {
  return (
    <form id="filters" action="/hospitals" method="get" className="space-y-3" aria-label="Filter hospitals">
      <NearField id="near" defaultValue={nearText} />
      <div>
        <label htmlFor="q" className="block font-semibold">
          Search by name, city or sarcoma type
        </label>
        <input id="q" name="q" type="search" defaultValue={filters.q} maxLength={100} className="mt-1 w-full rounded border border-slate-500 px-3 py-2" />
      </div>
      <BoxFilter
        name="tumor"
        legend="Sarcoma type"
        options={facets.tumor}
        hint="Hospitals for any of these: those whose own pages name the type, and centres in a network that covers it. Numbers count both."
      />
      <BoxFilter name="country" legend="Country" options={facets.country} hint="Hospitals in any of these countries." />
      <CityFilter options={facets.city} />
      <BoxFilter name="service" legend="Services" options={facets.service} hint="Hospitals that list all of the services you choose." />
      {filters.view === "map" ? <input type="hidden" name="view" value="map" /> : null}
      <button type="submit" className="w-full rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
        Show hospitals
      </button>
      <p className="text-xs text-slate-700">With JavaScript on, the results update as soon as you tick or untick a box.</p>
      <AutoSubmit formId="filters" nonce={nonce} />
    </form>
  );
}
