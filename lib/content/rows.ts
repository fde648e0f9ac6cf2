import { GEONAMES_URL } from "./gazetteer";
import { Linker, renderMarkdown, type GlossaryEntry } from "./markdown";
import { HOSPITAL_FIELDS, type NetworkScope } from "../domain";
import type { SourceInput } from "./schema";
import type { ContentModel } from "./validate";

function hostOf(url: string): string {
  return new URL(url).hostname.replace(/^www\./, "");
}

/** Assigns one id per distinct URL across all records, in the order first met. */
class SourceTable {
  readonly rows: { id: number; url: string; title: string; publisher: string }[] = [];
  private readonly byUrl = new Map<string, number>();

  /** Registers a record's sources; returns a lookup from the record's local ids to global ids. */
  add(sources: SourceInput[]): (localId: string) => number {
    const local = new Map<string, number>();
    for (const s of sources) {
      let id = this.byUrl.get(s.url);
      if (id === undefined) {
        id = this.rows.length + 1;
        this.byUrl.set(s.url, id);
        this.rows.push({ id, url: s.url, title: s.title, publisher: s.publisher ?? hostOf(s.url) });
      }
      local.set(s.id, id);
    }
    return (localId) => {
      const id = local.get(localId);
      if (id === undefined) throw new Error(`unvalidated source id ${localId}`);
      return id;
    };
  }
}

export type Counts = Record<string, number>;

/** Turns the validated model into table rows. Pure: same model, same rows. */
export function toRows(model: ContentModel) {
  const sources = new SourceTable();
  const glossaryEntries: GlossaryEntry[] = model.glossary.data.terms;
  const facts: Record<string, unknown>[] = [];
  const passages: Record<string, unknown>[] = [];
  const passageSources: Record<string, unknown>[] = [];

  type Owner = { hospitalSlug?: string; sarcomaSlug?: string; treatmentSlug?: string; pathwaySlug?: string; stepId?: number; networkSlug?: string };
  const addFacts = (list: { text: string; source: string; kind: string; date?: string }[], src: (id: string) => number, owner: Owner) =>
    list.forEach((f, position) =>
      facts.push({ id: facts.length + 1, position, kind: f.kind, text: f.text, date: f.date ?? null, sourceId: src(f.source), ...owner }),
    );
  const addPassages = (
    fields: [string, { text: string; sources: string[]; unverified?: boolean } | undefined][],
    src: (id: string) => number,
    linker: Linker,
    owner: Omit<Owner, "hospitalSlug" | "pathwaySlug">,
  ) => {
    for (const [key, value] of fields) {
      if (!value) continue;
      const id = passages.length + 1;
      passages.push({ id, key, text: renderMarkdown(value.text, linker), unverified: value.unverified ?? false, ...owner });
      [...new Set(value.sources)].forEach((s, position) => passageSources.push({ passageId: id, sourceId: src(s), position }));
    }
  };

  const cityRows = (() => {
    const src = sources.add(model.places.data.sources);
    return model.places.data.cities.map((c) => {
      const at = model.cityPositions.get(c.slug);
      if (!at) throw new Error(`unvalidated city ${c.slug}`);
      // A gazetteer position cites the place's own GeoNames page.
      const sourceId =
        at.geonameId === null
          ? src(c.source!)
          : sources.add([{ id: "geonames", url: GEONAMES_URL(at.geonameId), title: `GeoNames: ${c.name}`, publisher: "GeoNames" }])("geonames");
      return { slug: c.slug, name: c.name, countrySlug: c.country, latitude: at.latitude, longitude: at.longitude, geonameId: at.geonameId, sourceId };
    });
  })();
  const countryRows = model.places.data.countries.map((c) => ({ slug: c.slug, name: c.name, code: c.code }));
  const cityBySlug = new Map(cityRows.map((c) => [c.slug, c]));
  const countryBySlug = new Map(countryRows.map((c) => [c.slug, c]));
  const sarcomaBySlug = new Map(model.sarcomas.map((s) => [s.slug, s.data]));

  const glossaryRows = (() => {
    const src = sources.add(model.glossary.data.sources);
    return model.glossary.data.terms.map((t) => ({
      slug: t.slug,
      term: t.term,
      aliases: JSON.stringify(t.aliases),
      definition: renderMarkdown(t.definition, new Linker(glossaryEntries, t.slug)),
      sourceId: src(t.source),
      reviewed: model.glossary.data.reviewed,
      nextReview: model.glossary.data.nextReview,
    }));
  })();

  const centreQuestionRows = (() => {
    const { data } = model.centreQuestions;
    const src = sources.add(data.sources);
    return data.questions.map((q, i) => ({ id: i + 1, text: q.text, sourceId: src(q.source), reviewed: data.reviewed, nextReview: data.nextReview }));
  })();

  const serviceRows = model.services.data.services.map((s, position) => ({ ...s, position }));

  const pathwayRows: Record<string, unknown>[] = [];
  const stepRows: Record<string, unknown>[] = [];
  const stepTreatmentRows: Record<string, unknown>[] = [];
  for (const p of [...model.pathways].sort((a, b) => a.data.order - b.data.order || a.slug.localeCompare(b.slug))) {
    const src = sources.add(p.data.sources);
    const linker = new Linker(glossaryEntries);
    pathwayRows.push({
      slug: p.slug,
      title: p.data.title,
      trialsCondition: p.data.trialsCondition,
      summary: p.data.summary,
      bodyHtml: renderMarkdown(p.body, linker),
      position: p.data.order,
      reviewed: p.data.reviewed,
      nextReview: p.data.nextReview,
      reviewedBy: p.data.reviewedBy ?? null,
    });
    p.data.steps.forEach((step, position) => {
      const id = stepRows.length + 1;
      stepRows.push({ id, pathwaySlug: p.slug, position, slug: step.slug, title: step.title, questions: JSON.stringify(step.questions) });
      addPassages([["what", step.what], ["who", step.who], ["duration", step.duration]], src, linker, { stepId: id });
      step.treatments.forEach((t, i) => stepTreatmentRows.push({ stepId: id, treatmentSlug: t, position: i }));
    });
    addFacts(p.data.facts, src, { pathwaySlug: p.slug });
  }

  const treatmentRows = model.treatments.map((t) => {
    const src = sources.add(t.data.sources);
    const linker = new Linker(glossaryEntries);
    addPassages(
      [
        ["whatItIs", t.data.whatItIs],
        ["whenUsed", t.data.whenUsed],
        ["forFamily", t.data.forFamily],
        ["lateEffects", t.data.lateEffects],
        ["evidence", t.data.evidence],
      ],
      src,
      linker,
      { treatmentSlug: t.slug },
    );
    addFacts(t.data.facts, src, { treatmentSlug: t.slug });
    return {
      slug: t.slug,
      name: t.data.name,
      kind: t.data.kind,
      summary: t.data.summary,
      bodyHtml: renderMarkdown(t.body, linker),
      position: t.data.order,
      reviewed: t.data.reviewed,
      nextReview: t.data.nextReview,
      reviewedBy: t.data.reviewedBy ?? null,
    };
  });

  const sarcomaTreatmentRows: Record<string, unknown>[] = [];
  const sarcomaRows = model.sarcomas.map((s) => {
    const src = sources.add(s.data.sources);
    const linker = new Linker(glossaryEntries);
    addPassages(
      [
        ["ages", s.data.ages],
        ["sites", s.data.sites],
        ["genetics", s.data.genetics],
        ["treatment", s.data.treatment],
      ],
      src,
      linker,
      { sarcomaSlug: s.slug },
    );
    addFacts(s.data.facts, src, { sarcomaSlug: s.slug });
    s.data.treatments.forEach((t, position) => sarcomaTreatmentRows.push({ sarcomaSlug: s.slug, treatmentSlug: t, position }));
    return {
      slug: s.slug,
      name: s.data.name,
      otherNames: JSON.stringify(s.data.otherNames),
      group: s.data.group,
      parentSlug: s.data.parent ?? null,
      trialsCondition: s.data.trialsCondition ?? null,
      summary: s.data.summary,
      bodyHtml: renderMarkdown(s.body, linker),
      pathwaySlug: s.data.pathway ?? null,
      position: s.data.order,
      reviewed: s.data.reviewed,
      nextReview: s.data.nextReview,
      reviewedBy: s.data.reviewedBy ?? null,
    };
  });

  // Members of a network whose source says they treat every childhood cancer count for
  // every type; "soft tissue sarcoma" counts for the rhabdomyosarcoma and other soft tissue groups.
  const scopeTypes = (scope: NetworkScope) =>
    model.sarcomas.filter((s) => scope === "all-childhood-cancers" || s.data.group !== "related").map((s) => s.slug).sort();
  const networkSarcomaRows: Record<string, unknown>[] = [];
  const networkRows = [...model.networks]
    .sort((a, b) => a.data.name.localeCompare(b.data.name) || a.slug.localeCompare(b.slug))
    .map((n, position) => {
      const d = n.data;
      const src = sources.add(d.sources);
      const linker = new Linker(glossaryEntries);
      addPassages([["about", d.about], ["membership", d.membership]], src, linker, { networkSlug: n.slug });
      if (d.covers) for (const sarcomaSlug of scopeTypes(d.covers.scope)) networkSarcomaRows.push({ networkSlug: n.slug, sarcomaSlug });
      return {
        slug: n.slug,
        name: d.name,
        shortName: d.shortName,
        countrySlug: d.country ?? null,
        summary: d.summary,
        bodyHtml: renderMarkdown(n.body, linker),
        scope: d.covers?.scope ?? null,
        scopeText: d.covers?.text ?? null,
        scopeSourceId: d.covers ? src(d.covers.source) : null,
        listSourceId: src(d.list.source),
        listDate: d.list.date,
        listDateKind: d.list.dateKind,
        website: d.website?.value ?? null,
        position,
        reviewed: d.reviewed,
        nextReview: d.nextReview,
        reviewedBy: d.reviewedBy ?? null,
      };
    });

  const fieldRows: Record<string, unknown>[] = [];
  const hospitalNetworkRows: Record<string, unknown>[] = [];
  const hospitalSarcomaRows: Record<string, unknown>[] = [];
  const hospitalServiceRows: Record<string, unknown>[] = [];
  const hospitalTreatmentRows: Record<string, unknown>[] = [];
  const accommodationRows: Record<string, unknown>[] = [];
  const hospitalRows = model.hospitals.map((h) => {
    const d = h.data;
    const src = sources.add(d.sources);
    for (const key of HOSPITAL_FIELDS) {
      const v = d[key];
      if (v) fieldRows.push({ hospitalSlug: h.slug, key, value: v.value, label: v.label ?? null, unverified: v.unverified ?? false, sourceId: src(v.source) });
    }
    if (d.coordinates) {
      const { latitude, longitude, source } = d.coordinates;
      fieldRows.push({ hospitalSlug: h.slug, key: "coordinates", value: `${latitude}, ${longitude}`, label: null, unverified: false, sourceId: src(source) });
    }
    d.sarcomaTypes.forEach((l) => hospitalSarcomaRows.push({ hospitalSlug: h.slug, sarcomaSlug: l.sarcoma, note: l.note ?? null, sourceId: src(l.source) }));
    d.services.forEach((l) =>
      hospitalServiceRows.push({ hospitalSlug: h.slug, serviceSlug: l.service, available: l.available, note: l.note ?? null, sourceId: src(l.source) }),
    );
    d.networks.forEach((l) => hospitalNetworkRows.push({ hospitalSlug: h.slug, networkSlug: l.network, note: l.note ?? null, sourceId: src(l.source) }));
    d.treatments.forEach((l) => hospitalTreatmentRows.push({ hospitalSlug: h.slug, treatmentSlug: l.treatment, note: l.note ?? null, sourceId: src(l.source) }));
    d.accommodation.forEach((a, position) =>
      accommodationRows.push({ id: accommodationRows.length + 1, hospitalSlug: h.slug, position, name: a.name, note: a.note, unverified: a.unverified ?? false, sourceId: src(a.source) }),
    );
    addFacts(d.facts, src, { hospitalSlug: h.slug });
    const city = cityBySlug.get(d.city);
    const country = city ? countryBySlug.get(city.countrySlug) : undefined;
    if (d.citySource && city) fieldRows.push({ hospitalSlug: h.slug, key: "city", value: city.name, label: null, unverified: false, sourceId: src(d.citySource) });
    // A hospital treating alveolar rhabdomyosarcoma is found by "rhabdomyosarcoma" and "RMS" too.
    const namesOf = (slug: string | undefined): string[] => {
      const s = slug ? sarcomaBySlug.get(slug) : undefined;
      return s ? [s.name, ...s.otherNames, ...namesOf(s.parent)] : [];
    };
    const treated = [...new Set(d.sarcomaTypes.flatMap((l) => namesOf(l.sarcoma)))];
    return {
      slug: h.slug,
      name: d.name,
      shortName: d.shortName,
      kind: d.kind?.value ?? null,
      citySlug: d.city,
      region: d.region ?? null,
      summary: d.summary,
      bodyHtml: renderMarkdown(h.body, new Linker(glossaryEntries)),
      latitude: d.coordinates?.latitude ?? null,
      longitude: d.coordinates?.longitude ?? null,
      reviewed: d.reviewed,
      nextReview: d.nextReview,
      reviewedBy: d.reviewedBy ?? null,
      searchText: [d.name, d.shortName, city?.name, country?.name, d.region, ...treated]
        .filter(Boolean)
        .join(" ")
        .toLowerCase(),
    };
  });

  const supportFieldRows: Record<string, unknown>[] = [];
  const supportOfferRows: Record<string, unknown>[] = [];
  const supportRows = [...model.support]
    .sort((a, b) => a.data.country.localeCompare(b.data.country) || a.data.name.localeCompare(b.data.name))
    .map((o, position) => {
      const d = o.data;
      const src = sources.add(d.sources);
      const field = (key: string, v: { value: string; source: string; unverified?: boolean; label?: string; hours?: string }) =>
        supportFieldRows.push({ orgSlug: o.slug, key, value: v.value, label: v.label ?? null, hours: v.hours ?? null, unverified: v.unverified ?? false, sourceId: src(v.source) });
      field("website", d.website);
      if (d.contact.phone) field("phone", d.contact.phone);
      if (d.contact.email) field("email", d.contact.email);
      d.offers.forEach((offer, i) =>
        supportOfferRows.push({ id: supportOfferRows.length + 1, orgSlug: o.slug, position: i, what: offer.what, detail: offer.detail, unverified: offer.unverified ?? false, sourceId: src(offer.source) }),
      );
      return {
        slug: o.slug,
        name: d.name,
        countrySlug: d.country,
        kind: d.kind,
        summary: d.summary,
        summarySourceId: src(d.summarySource),
        position,
        reviewed: d.reviewed,
        nextReview: d.nextReview,
        reviewedBy: d.reviewedBy ?? null,
      };
    });

  return {
    Source: sources.rows,
    Country: countryRows,
    City: cityRows,
    Service: serviceRows,
    GlossaryTerm: glossaryRows,
    CentreQuestion: centreQuestionRows,
    Pathway: pathwayRows,
    PathwayStep: stepRows,
    TreatmentOption: treatmentRows,
    PathwayStepTreatment: stepTreatmentRows,
    // Parents before their subtypes, so the self-reference holds row by row.
    SarcomaType: [...sarcomaRows].sort((a, b) => Number(a.parentSlug !== null) - Number(b.parentSlug !== null)),
    SarcomaTreatment: sarcomaTreatmentRows,
    Network: networkRows,
    NetworkSarcoma: networkSarcomaRows,
    Hospital: hospitalRows,
    HospitalNetwork: hospitalNetworkRows,
    HospitalField: fieldRows,
    HospitalSarcoma: hospitalSarcomaRows,
    HospitalService: hospitalServiceRows,
    HospitalTreatment: hospitalTreatmentRows,
    Accommodation: accommodationRows,
    SupportOrg: supportRows,
    SupportField: supportFieldRows,
    SupportOffer: supportOfferRows,
    Passage: passages,
    PassageSource: passageSources,
    Fact: facts,
  };
}

export type Rows = ReturnType<typeof toRows>;

export function countRows(rows: Record<string, readonly unknown[]>): Counts {
  return Object.fromEntries(Object.entries(rows).map(([k, v]) => [k, v.length]));
}

