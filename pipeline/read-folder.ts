/**
 * Read a folder of documents in flat memory: each document is read, given its registry identity and put aside in a
 * spill (adapters/spill.ts) as soon as it is read; only a few facts of each stay in memory, as columns (its ids, year,
 * body and where it lies: read-documents.ts, a few array slots a document, no object of its own). Merging renderings and validation then run over those facts, loading a report's renderings, and
 * last year's report for the cross-year rules, from the spill when they are needed; each result goes to the spill
 * too. What stays is a small outcome per report (ReportOutcome), and `load` gives back a whole validated report, one
 * at a time, for the datasets stage. The same reports, issues and order as reading everything into memory would give
 * (validate/index.ts validateAll, parse/merge.ts mergeRenderings: the same functions, over the spill).
 */
import { type NameResolver, identify } from './agencies/identify.ts';
import type { DocumentReader } from './adapters/read-pool.ts';
import { type Spill, type SpillRef, openSpill } from './adapters/spill.ts';
import { interner, ownCopy } from './memoised.ts';
import type { ValidatedReport } from './datasets/types.ts';
import type { Issue, ValidationResult } from './model/issue.ts';
import { identityKey } from './model/report-id.ts';
import type { AnnualReport } from './model/report.ts';
import { mergeGroup } from './parse/merge.ts';
import { type HistoryColumns, addDocument, documents, documentsOf, indexOfSorted, mergeDocuments, placeOf, previousInRun } from './read-documents.ts';
import type { ReadOutcome } from './read-outcome.ts';
import { mapLimit } from './schedule/map-limit.ts';
import { bodyKey, bodyYear, missingInRun, validateInRun, withMissing } from './validate/index.ts';
import { StringColumn, UintColumn, ValueTable } from './value-table.ts';

/** Documents read at once before their reports go to the spill (a few times the pool's concurrency). */
const BATCH = 64;

/**
 * A report of the run as the build keeps it in memory: what the command line prints. Its strings are shared: the
 * agency name and edition once per distinct value (a body's reports of every year), and a report loaded (`load`)
 * carries these very strings, so that what the release keeps of it (its summary) holds no copy of its own.
 */
export interface ReportOutcome {
  id: string;
  agency: string;
  year: number;
  edition: AnnualReport['edition'];
  /** Its documents (renderings). */
  sources: number;
  valid: boolean;
  errors: number;
  warnings: number;
}

export interface FolderRead {
  parsed: number;
  unreadable: Array<{ file: string; message: string; internal?: true }>;
  /**
   * Every report read, sorted by year then id: a new list each time it is asked for (the read keeps none; `count`,
   * `outcome`, `idAt` and `loadAt` reach a report by its place in it).
   */
  readonly reports: ReportOutcome[];
  /** Reports read: the length of `reports`. */
  count: number;
  /** The outcome of the report at place `i` of `reports` (an object made when asked for). */
  outcome(i: number): ReportOutcome;
  /** Its id (a string made when asked for). */
  idAt(i: number): string;
  /** A report read, whole, with its validation (one at a time: it is read back from the spill). */
  load(id: string): ValidatedReport;
  /** The report at place `i` of `reports`, whole (load). */
  loadAt(i: number): ValidatedReport;
  /** Remove the spill. */
  close(): void;
}

export interface FolderReadOptions {
  files: readonly string[];
  /** Read one file (through the parse cache, the pool): the outcome and whether it was parsed afresh. */
  read(file: string): Promise<ReadOutcome & { parsed: boolean }>;
  reader: Pick<DocumentReader, 'concurrency'>;
  resolver?: NameResolver;
  regionOf?: (file: string) => string | undefined;
  /**
   * The reports of the last release, for the cross-year rules: read once, in order, each put aside in the spill as
   * it comes (a release of 100,000 reports is never held whole).
   */
  history?: Iterable<AnnualReport> | AsyncIterable<AnnualReport>;
  /** Where the spill's temporary folder goes (default the system's). */
  spillDir?: string;
  /** Opens the spills (default adapters/spill.ts openSpill; tests count what is read back). */
  openSpill?: <T>(dir?: string) => Spill<T>;
}

type Record = { report: AnnualReport; issue?: Issue };

export async function readFolderFlat(options: FolderReadOptions): Promise<FolderRead> {
  const open = options.openSpill ?? openSpill;
  const reports = open<Record>(options.spillDir);
  const results = open<ValidationResult>(options.spillDir);
  try {
    return await readInto(options, reports, results);
  } catch (err) {
    reports.close();
    results.close();
    throw err;
  }
}

/**
 * Where the run's reports lie, compactly (what `load` needs after validation, a few numbers a report): report k's
 * record in the report spill and its validation in the results spill; a report merged from several renderings, or
 * renamed, is in `several`. A place in a spill takes 4 bytes while the spill is under 4 GiB (UintColumn), a size 4
 * (a value in a spill is one Buffer: under 4 GiB); 17 bytes a report, where four Float64Arrays took 33.
 */
interface Places {
  reportAt: UintColumn;
  reportBytes: Uint32Array;
  resultAt: UintColumn;
  resultBytes: Uint32Array;
  /** It gets the cross_year.missing issue (missingInRun). */
  missing: Uint8Array;
  several: Map<number, { refs: SpillRef[]; id: string | undefined }>;
}

async function readInto(options: FolderReadOptions, spill: Spill<Record>, results: Spill<ValidationResult>): Promise<FolderRead> {
  // Everything else the reading and the validation built is dropped here: only the outcomes and the places stay.
  const { parsed, unreadable, outcomes, places, missing } = await readAndValidate(options, spill, results);
  const { ids } = outcomes;
  // The strings a loaded report shares (its region and date of publication): an interner of its own, not the
  // reading's, which holds every body's keys and names (some 35 bytes a report, kept as long as `load` was).
  const intern = interner();
  // A report's outcome as the callers see it: an object with one slot of its own (its index in the columns), its
  // fields read from the columns (outcomeView).
  const view = outcomeViews(outcomes);
  // The places of the outcomes sorted by year then id (4 bytes a report): the views are made when asked for, not kept.
  // The columns are in the order of the ids (sorted, unique: readAndValidate checks it), so that within a year the
  // order of the places is that of the ids (yearThenId).
  const order = Uint32Array.from({ length: ids.length }, (_, k) => k).sort((a, b) => yearAt(outcomes, a) - yearAt(outcomes, b) || a - b);
  const load = (k: number): { report: AnnualReport } => {
    const group = places.several.get(k);
    if (!group) return mergeGroup([spill.get({ at: places.reportAt.at(k), bytes: places.reportBytes[k]! }).report]);
    return mergeGroup(group.refs.map((at) => {
      const { report } = spill.get(at);
      return group.id === undefined ? report : { ...report, id: group.id };
    }));
  };
  const sortedAt = (i: number): number => {
    if (!(Number.isInteger(i) && i >= 0 && i < order.length)) throw new RangeError(`read: no report at ${i} (${order.length} read)`);
    return order[i]!;
  };
  const validated = (k: number): ValidatedReport => {
    const { report } = load(k);
    // The strings the outcome holds (equal, by construction: same report), so that a summary of it shares them (but
    // the id: a string made from the id column, which the summary store does not keep when given the column).
    const o = view(k);
    report.id = o.id;
    report.agency = o.agency;
    report.edition = o.edition;
    if (report.region != null) report.region = intern(report.region);
    if (report.published != null) report.published = intern(report.published);
    const result = results.get({ at: places.resultAt.at(k), bytes: places.resultBytes[k]! });
    return { report, validation: places.missing[k] ? withMissing(report, result, missing.latest, missing.seen) : result };
  };
  return {
    parsed,
    unreadable,
    get reports() {
      return Array.from(order, (k) => view(k));
    },
    count: order.length,
    outcome: (i) => view(sortedAt(i)),
    idAt: (i) => ids.at(sortedAt(i)),
    load(id) {
      // The columns are in the order of the ids (the validation's): found by halving, with no index.
      const k = indexOfSorted(ids.length, (i) => ids.at(i), id);
      if (k < 0) throw new Error(`read: no report ${id} in this run`);
      return validated(k);
    },
    loadAt: (i) => validated(sortedAt(i)),
    close() {
      spill.close();
      results.close();
    },
  };
}

/**
 * The outcomes of the run as columns, in the order of the ids: a report's id (a StringColumn, made once validation
 * is done: some 44 bytes a report, where a string and its slot took 70–80), its agency and edition as indexes
 * into one table of the distinct strings (`strings`), its numbers in typed arrays sized to need (UintColumn: a byte
 * or two a value, mostly). About 9 bytes a report beside its id (26 with Uint32Arrays and an Int32Array), where an
 * object of eight fields took 88 (and a slot in two arrays).
 */
interface OutcomeColumns {
  ids: StringColumn;
  strings: ValueTable<string>;
  agency: UintColumn;
  edition: UintColumn;
  year: Uint16Array;
  /**
   * A year that a Uint16Array cannot hold as it is, kept apart: a parsed report's year has four digits, but a
   * structured one (parse/structured.ts) may carry any integer, which validation then rejects (the outcome still
   * says it: tests/unit/read-folder.test.ts).
   */
  oddYears: Map<number, number>;
  sources: UintColumn;
  valid: Uint8Array;
  errors: UintColumn;
  warnings: UintColumn;
}

function outcomeColumns(n: number) {
  const columns: Omit<OutcomeColumns, 'ids'> = {
    strings: new ValueTable(), agency: new UintColumn(n), edition: new UintColumn(n), year: new Uint16Array(n), oddYears: new Map(),
    sources: new UintColumn(n), valid: new Uint8Array(n), errors: new UintColumn(n), warnings: new UintColumn(n),
  };
  const counted = (n: number, what: string): number => {
    if (!(Number.isInteger(n) && n >= 0 && n <= 0xffffffff)) throw new Error(`read: ${what} ${n} is not a count`);
    return n;
  };
  const set = (k: number, o: Omit<ReportOutcome, 'id'>): void => {
    columns.agency.set(k, columns.strings.number(o.agency));
    columns.edition.set(k, columns.strings.number(o.edition));
    columns.year[k] = o.year;
    if (columns.year[k] !== o.year) columns.oddYears.set(k, o.year);
    columns.sources.set(k, counted(o.sources, 'sources'));
    columns.valid[k] = o.valid ? 1 : 0;
    columns.errors.set(k, counted(o.errors, 'errors'));
    columns.warnings.set(k, counted(o.warnings, 'warnings'));
  };
  return { columns, set };
}

const yearAt = (c: Omit<OutcomeColumns, 'ids'>, k: number): number => (c.oddYears.size > 0 ? c.oddYears.get(k) ?? c.year[k]! : c.year[k]!);

/**
 * Report k's outcome, read from the columns: a ReportOutcome whose only slot of its own is k (the class, made for
 * these columns, holds them: 32 bytes an outcome). JSON.stringify gives the plain object (toJSON), and plainOutcome
 * makes one.
 */
function outcomeViews(c: OutcomeColumns): (k: number) => ReportOutcome {
  class OutcomeView implements ReportOutcome {
    readonly #k: number;
    constructor(k: number) {
      this.#k = k;
    }
    get id(): string { return c.ids.at(this.#k); }
    get agency(): string { return c.strings.at(c.agency.at(this.#k)); }
    get year(): number { return yearAt(c, this.#k); }
    get edition(): AnnualReport['edition'] { return c.strings.at(c.edition.at(this.#k)) as AnnualReport['edition']; }
    get sources(): number { return c.sources.at(this.#k); }
    get valid(): boolean { return c.valid[this.#k] === 1; }
    get errors(): number { return c.errors.at(this.#k); }
    get warnings(): number { return c.warnings.at(this.#k); }
    toJSON(): ReportOutcome {
      return plainOutcome(this);
    }
  }
  return (k) => new OutcomeView(k);
}

/** An outcome as a plain object (what a caller that copies or compares one gets). */
export function plainOutcome(o: ReportOutcome): ReportOutcome {
  return { id: o.id, agency: o.agency, year: o.year, edition: o.edition, sources: o.sources, valid: o.valid, errors: o.errors, warnings: o.warnings };
}

async function readAndValidate(options: FolderReadOptions, spill: Spill<Record>, results: Spill<ValidationResult>) {
  const intern = interner();
  const docs = documents();
  const unreadable: FolderRead['unreadable'] = [];
  let parsed = 0;
  const { files } = options;
  for (let start = 0; start < files.length; start += BATCH) {
    const batch = files.slice(start, start + BATCH);
    // Taken in the folder's order: the same run whatever the number of workers.
    const outcomes = await mapLimit(batch, options.reader.concurrency, (file) => options.read(file));
    outcomes.forEach((got, k) => {
      if (!('report' in got)) {
        unreadable.push({ file: batch[k]!, message: got.error.message, ...(got.error.internal ? { internal: true as const } : {}) });
        return;
      }
      if (got.parsed) parsed++;
      const { report, issue } = options.resolver
        ? identify(got.report, options.resolver, options.regionOf?.(got.report.sources[0]!.name))
        : { report: got.report, issue: undefined };
      const at = spill.put(issue ? { report, issue } : { report });
      const { rendering, name } = report.sources[0]!;
      addDocument(docs, {
        id: ownCopy(report.id), key: intern(identityKey(report)), year: report.year, body: intern(bodyKey(report)),
        // The file's own string when it is the file's name (a worker thread's report carries a copy).
        first: { rendering: intern(rendering) as typeof rendering, name: name === batch[k] ? batch[k]! : name }, at, issued: issue !== undefined,
      });
    });
  }

  // Renderings of one report: the groups of mergeRenderings, over the documents.
  const merged = mergeDocuments(docs);
  const { ids } = merged;
  const n = ids.length;
  // The records of the report being validated, as read for it: its name's warning is taken from them, not read
  // from the spill a second time (an unresolved name is the common case: a whole deserialize a report).
  let current = new Map<number, Record>();
  const record = (d: number): Record => current.get(d) ?? spill.get(placeOf(docs, d));
  const load = (k: number, keep = false) => {
    const read = new Map<number, Record>();
    const renamed = merged.renamed[k] === 1;
    const got = mergeGroup(Array.from(documentsOf(merged, k), (d) => {
      const r = spill.get(placeOf(docs, d));
      read.set(d, r);
      return renamed ? { ...r.report, id: ids[k]! } : r.report;
    }));
    if (keep) current = read;
    return got;
  };
  // identifyAll's warnings, by the id the report had when identified: one per distinct name.
  const foundFor = (k: number): Issue[] => {
    let issues: Issue[] = [];
    for (let d = merged.originalFirst[k]!; d >= 0; d = merged.sameId[d]!) {
      if (!docs.issued[d]) continue;
      const { issue } = record(d);
      if (issue) issues = [...issues.filter((i) => i.message.en !== issue.message.en), issue];
    }
    return issues;
  };

  const previousOf = previousInRun(merged);
  // The history: what missingInRun needs of every report (its year, body, and which of the run's has its id), and a
  // report of another run only where it is the first of its body and year (what byBodyYear would keep), in the spill.
  const history: HistoryColumns = { year: [], body: [], inRun: [] };
  const inHistory = new Map<string, SpillRef>();
  for await (const h of options.history ?? []) {
    const body = intern(bodyKey(h));
    const k = indexOfSorted(ids.length, (i) => ids[i]!, h.id);
    history.year.push(h.year);
    history.body.push(body);
    history.inRun.push(k);
    const at = bodyYear(body, h.year);
    if (k < 0 && !inHistory.has(at)) inHistory.set(at, spill.put({ report: h }));
  }
  const fromHistory = (key: string): AnnualReport | undefined => {
    const ref = inHistory.get(key);
    return ref && spill.get(ref).report;
  };
  const { columns, set: setOutcome } = outcomeColumns(n);
  const places: Places = {
    reportAt: new UintColumn(n, 2), reportBytes: new Uint32Array(n), resultAt: new UintColumn(n, 2), resultBytes: new Uint32Array(n),
    missing: new Uint8Array(n), several: new Map(),
  };
  // Ids sort a body's years together: last year's report is most often the one just validated.
  let recent: { k: number; report: AnnualReport } | undefined;
  for (let k = 0; k < n; k++) {
    const { report, renderings } = load(k, true);
    const before = previousOf(k);
    const previous = before === undefined ? fromHistory(bodyYear(merged.body[k]!, merged.year[k]! - 1)) : before === recent?.k ? recent.report : load(before).report;
    const result = validateInRun(report, previous, foundFor(k), renderings ?? []);
    recent = { k, report };
    const count = (s: string) => result.issues.filter((i) => i.severity === s).length;
    setOutcome(k, {
      agency: intern(report.agency), year: report.year, edition: intern(report.edition) as AnnualReport['edition'],
      sources: report.sources.length, valid: result.valid, errors: count('error'), warnings: count('warning'),
    });
    const at = results.put(result);
    places.resultAt.set(k, at.at);
    places.resultBytes[k] = sizeOf(at);
  }
  current = new Map();
  recent = undefined;
  // The missing rule as validate/index.ts states it (missingInRun), over short-lived objects made from the columns:
  // a history report's id only matters when it is one of the run's (else '', which no report of the run has).
  const missing = missingInRun(
    Array.from({ length: n }, (_, k) => ({ id: ids[k]!, year: merged.year[k]!, body: merged.body[k]!, valid: columns.valid[k] === 1 })),
    history.year.map((year, h) => ({ id: history.inRun[h]! >= 0 ? ids[history.inRun[h]!]! : '', year, body: history.body[h]! })),
  );
  for (let k = 0; k < n; k++) {
    const items = documentsOf(merged, k);
    if (items.length === 1 && merged.renamed[k] === 0) {
      const place = placeOf(docs, items[0]!);
      places.reportAt.set(k, place.at);
      places.reportBytes[k] = sizeOf(place);
    } else {
      places.several.set(k, { refs: Array.from(items, (d) => placeOf(docs, d)), id: merged.renamed[k] === 1 ? ids[k] : undefined });
    }
    if (!missing.ids.has(ids[k]!)) continue;
    places.missing[k] = 1;
    columns.warnings.set(k, columns.warnings.at(k) + 1);
  }
  for (let k = 1; k < n; k++) if (!(ids[k - 1]! < ids[k]!)) throw new Error(`read: the ids are not sorted and unique (${ids[k - 1]}, ${ids[k]})`);
  const outcomes: OutcomeColumns = { ...columns, ids: new StringColumn(ids) };
  return { parsed, unreadable, outcomes, places, missing: { latest: missing.latest, seen: missing.seen } };
}

/** A value's size in a spill, for a Uint32Array (refused, never cut, at 4 GiB and more). */
function sizeOf(ref: SpillRef): number {
  if (!(Number.isInteger(ref.bytes) && ref.bytes >= 0 && ref.bytes <= 0xffffffff)) throw new Error(`read: a value of ${ref.bytes} bytes in the spill`);
  return ref.bytes;
}
