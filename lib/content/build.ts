import { formatProblem } from "./read";
import { gazetteerRows } from "./place-rows";
import { countRows, toRows, type Counts } from "./rows";
import { searchEntries } from "./search-index";
import { writeStore } from "./store";
import { validateContent, type ContentModel, type Grade, type Overdue } from "./validate";

export type BuildOptions = {
  contentDir: string;
  outFile: string;
  today?: string;
  /**
   * Write the gazetteer (every place and US ZIP code, for "near" any town): on by default.
   * Off, the store holds the content alone, which is all a check of the content itself
   * needs, in a tenth of the time.
   */
  gazetteer?: boolean;
};

export type BuildResult =
  | { ok: true; counts: Counts; grades: Grade[]; overdue: Overdue[]; ms: number }
  | { ok: false; problems: string[]; grades: Grade[]; overdue: Overdue[]; ms: number };

export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * content/ -> validated model -> a fresh SQLite store. Validation reports every problem
 * before anything is written; a failed build leaves the previous store as it was.
 */
export async function buildContent({ contentDir, outFile, today = todayIso(), gazetteer = true }: BuildOptions): Promise<BuildResult> {
  const started = performance.now();
  const result = validateContent(contentDir, today);
  if (!result.ok) {
    return {
      ok: false,
      problems: result.problems.map(formatProblem),
      grades: result.grades,
      overdue: result.overdue,
      ms: performance.now() - started,
    };
  }
  const rows = toRows(result.model);
  const search = searchEntries(result.model);
  const places = gazetteer ? gazetteerRows(placeInputs(result.model)) : { rows: { Place: [], PlaceName: [], ZipCode: [] }, searchKeys: [] };
  await writeStore(rows, search, { tables: places.rows, placeKeys: places.searchKeys }, outFile);
  return { ok: true, counts: { ...countRows(rows), ...countRows(places.rows), SearchIndex: search.length }, grades: result.grades, overdue: result.overdue, ms: performance.now() - started };
}

/** What the gazetteer's rows take from the content: country names, city names, city slugs. */
function placeInputs(model: ContentModel) {
  const { countries, cities } = model.places.data;
  return {
    countries: new Map(countries.map((c) => [c.code, c.name])),
    aliases: cities.flatMap((c) => {
      const id = model.cityPositions.get(c.slug)?.geonameId;
      return id ? [{ name: c.name, geonameId: id }] : [];
    }),
    taken: new Set(cities.map((c) => c.slug)),
  };
}
