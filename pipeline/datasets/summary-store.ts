/**
 * Where the build keeps the release's summaries until the aggregate files are written. In memory (the default), a
 * summary is kept as it is. Spilled, it is kept as a small object holding what the aggregate files sort and group by
 * (id, year, body, series, names, dates, counts and flags: strings the summary pool already shares), and the rest —
 * headline figures, figures, sources, the document's path, size and sha256, the page — goes to a record spill
 * (adapters/record-spill.ts, passed in) and is read back when a writer asks for it, the same values in the same key
 * order. What the build keeps a report is then about 0.2 KiB instead of some 0.9. Pure but for the spill it is given.
 */
import type { ReportSummary } from './types.ts';
import { UintColumn, ValueTable } from '../value-table.ts';

export interface SummaryStore {
  /** The summary to keep in place of `s` (equal to it, field for field); `s` is not used again. */
  keep(s: ReportSummary): ReportSummary;
  /**
   * Keep `s` with no object made for it in its place: its number among the summaries given to the store (`keep` and
   * `add` alike, from 0), which `at` takes. `s` is not used again.
   */
  add(s: ReportSummary): number;
  /** The summary `add` gave number k to (equal to it, field for field): made when asked for, a new object each time when spilled. */
  at(k: number): ReportSummary;
}

/** Summaries kept as they are (the default of buildRelease). */
export function summariesInMemory(): SummaryStore {
  const list: ReportSummary[] = [];
  return {
    keep: (s) => {
      list.push(s);
      return s;
    },
    add: (s) => list.push(s) - 1,
    at: (k) => {
      if (!(Number.isInteger(k) && k >= 0 && k < list.length)) throw new RangeError(`summary store: no summary ${k} (${list.length} kept)`);
      return list[k]!;
    },
  };
}

/** What a spilled summary reads back on demand. */
export type SpilledPart = Pick<ReportSummary, 'headline' | 'figures' | 'sources' | 'json' | 'page'>;

export interface PartSpill {
  put(value: SpilledPart): number;
  get(index: number): SpilledPart;
}

/**
 * Summaries whose figures, sources and links lie in `spill`; the last part read is held (a writer reads several of its
 * fields in a row). What stays in memory a report is its id (the string the caller gave, shared) and a few numbers
 * in columns: its year, counts and validity, and for the fields that repeat across reports (agency, region, edition,
 * dates, flags, body, series) the number of the value in a table of the distinct ones. The columns are sized to need
 * (value-table.ts UintColumn: a byte a value while a table holds under 256 values, two under 65,536) and grow by half:
 * some 16 bytes a report (43 in Uint32Arrays that doubled, some 70 with their room to grow) and a small object, where
 * an object holding the thirteen fields as its own took some 170. The fields are read through
 * getters, so that a kept summary has no own fields: its writers read them by name, as they do the spilled ones.
 *
 * `given.idOf`, when given, is the caller's column of the ids in the order the summaries are kept (k, from 0): the
 * store then keeps no id of its own (8 bytes a report, and the string when the caller's column makes one on demand),
 * and refuses a summary whose id is not the column's. `given.count`, the number of summaries the caller will keep
 * when it knows it: the columns are made that long at once (no room to grow left over: 1.5 × what they need at most).
 */
export function spilledSummaries(spill: PartSpill, given: { idOf?: (k: number) => string; count?: number } = {}): SummaryStore {
  const { idOf } = given;
  const capacity = given.count !== undefined && Number.isSafeInteger(given.count) && given.count >= 0 ? given.count : 1024;
  let lastIndex = -1;
  let last: SpilledPart | undefined;
  const part = (index: number): SpilledPart => {
    if (index !== lastIndex) {
      last = spill.get(index);
      lastIndex = index;
    }
    return last!;
  };
  const ids: string[] = [];
  let count = 0;
  const year = new UintColumn(capacity);
  const valid = new UintColumn(capacity);
  const errors = new UintColumn(capacity);
  const warnings = new UintColumn(capacity);
  // The summary pool's shared strings, flag lists and bodies, and null: each held once (ValueTable).
  const strings = new ValueTable<string | null>();
  const lists = new ValueTable<string[]>();
  const bodies = new ValueTable<ReportSummary['body']>();
  const agency = new UintColumn(capacity);
  const region = new UintColumn(capacity);
  const edition = new UintColumn(capacity);
  const published = new UintColumn(capacity);
  const flags = new UintColumn(capacity);
  const body = new UintColumn(capacity);
  const series = new UintColumn(capacity);
  const modified = new UintColumn(capacity);

  /** A kept summary: its number in the columns and in the spill (the same: one put each). */
  class Spilled implements ReportSummary {
    readonly #k: number;
    constructor(k: number) { this.#k = k; }
    get id() { return idOf ? idOf(this.#k) : ids[this.#k]!; }
    get agency() { return strings.at(agency.at(this.#k)) as string; }
    get region() { return strings.at(region.at(this.#k)); }
    get year() { return year.at(this.#k); }
    get edition() { return strings.at(edition.at(this.#k)) as string; }
    get published() { return strings.at(published.at(this.#k)); }
    get valid() { return valid.at(this.#k) === 1; }
    get errors() { return errors.at(this.#k); }
    get warnings() { return warnings.at(this.#k); }
    get flags() { return lists.at(flags.at(this.#k)); }
    get body() { return bodies.at(body.at(this.#k)); }
    get series() { return strings.at(series.at(this.#k)) as string; }
    get modified() { return strings.at(modified.at(this.#k)) as string; }
    get headline() { return part(this.#k).headline; }
    get figures() { return part(this.#k).figures; }
    get sources() { return part(this.#k).sources; }
    get json() { return part(this.#k).json; }
    get page() { return part(this.#k).page; }
  }

  const add = (s: ReportSummary): number => {
    const k = spill.put({ headline: s.headline, figures: s.figures, sources: s.sources, json: s.json, page: s.page });
    if (k !== count) throw new Error(`summary store: the spill gave number ${k} to summary ${count}`);
    count++;
    if (!Number.isInteger(s.year) || s.year < 0 || s.year > 0xffff) throw new Error(`summary store: year ${s.year} of ${s.id} is not one a column holds`);
    if (!idOf) ids.push(s.id);
    else if (idOf(k) !== s.id) throw new Error(`summary store: summary ${k} is ${s.id}, where the ids given say ${idOf(k)}`);
    year.set(k, s.year);
    valid.set(k, s.valid ? 1 : 0);
    errors.set(k, s.errors);
    warnings.set(k, s.warnings);
    agency.set(k, strings.number(s.agency));
    region.set(k, strings.number(s.region));
    edition.set(k, strings.number(s.edition));
    published.set(k, strings.number(s.published));
    flags.set(k, lists.number(s.flags));
    body.set(k, bodies.number(s.body));
    series.set(k, strings.number(s.series));
    modified.set(k, strings.number(s.modified));
    return k;
  };
  return {
    keep: (s) => new Spilled(add(s)),
    add,
    at(k) {
      if (!(Number.isInteger(k) && k >= 0 && k < count)) throw new RangeError(`summary store: no summary ${k} (${count} kept)`);
      return new Spilled(k);
    },
  };
}
