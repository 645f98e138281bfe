/**
 * Read a folder of documents in flat memory: each document is read, given its registry identity and put aside in a
 * spill (adapters/spill.ts) as soon as it is read; only a few facts of each stay in memory (its ids, year, body and
 * where it lies). Merging renderings and validation then run over those facts, loading a report's renderings, and
 * last year's report for the cross-year rules, from the spill when they are needed; each result goes to the spill
 * too. What stays is a small outcome per report (ReportOutcome), and `load` gives back a whole validated report, one
 * at a time, for the datasets stage. The same reports, issues and order as reading everything into memory would give
 * (validate/index.ts validateAll, parse/merge.ts mergeRenderings: the same functions, over the spill).
 */
import { type NameResolver, identify } from './agencies/identify.ts';
import type { DocumentReader } from './adapters/read-pool.ts';
import { type Spill, type SpillRef, openSpill } from './adapters/spill.ts';
import { interner } from './memoised.ts';
import { type ValidatedReport, yearThenId } from './datasets/types.ts';
import type { Issue, ValidationResult } from './model/issue.ts';
import { identityKey } from './model/report-id.ts';
import type { AnnualReport, Source } from './model/report.ts';
import { mergeGroup, mergedGroups, preferredSource } from './parse/merge.ts';
import type { ReadOutcome } from './read-outcome.ts';
import { mapLimit } from './schedule/map-limit.ts';
import { type Standing, bodyKey, bodyYear, byBodyYear, missingInRun, validateInRun, withMissing } from './validate/index.ts';

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

/** One document read: its report's facts and where the report lies. */
interface Entry {
  id: string;
  key: string;
  year: number;
  body: string;
  /** Its first source's rendering and name: which rendering a merged report keeps (preferredSource). */
  first: Pick<Source, 'rendering' | 'name'>;
  at: SpillRef;
  /** Its record holds an issue (a name that did not resolve): only then is it read back for the issue. */
  issued: boolean;
}

interface Held {
  outcome: ReportOutcome;
  /** Where its validation lies. */
  result: SpillRef;
  /** It gets the cross_year.missing issue (missingInRun). */
  missing: boolean;
}

export interface FolderRead {
  parsed: number;
  unreadable: Array<{ file: string; message: string; internal?: true }>;
  /** Every report read, sorted by year then id. */
  reports: ReportOutcome[];
  /** A report read, whole, with its validation (one at a time: it is read back from the spill). */
  load(id: string): ValidatedReport;
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
 * renamed, is in `several`.
 */
interface Places {
  reportAt: Float64Array;
  reportBytes: Float64Array;
  resultAt: Float64Array;
  resultBytes: Float64Array;
  /** It gets the cross_year.missing issue (missingInRun). */
  missing: Uint8Array;
  several: Map<number, { refs: SpillRef[]; id: string | undefined }>;
}

async function readInto(options: FolderReadOptions, spill: Spill<Record>, results: Spill<ValidationResult>): Promise<FolderRead> {
  // Everything else the reading and the validation built is dropped here: only the outcomes and the places stay.
  const { parsed, unreadable, outcomes, places, missing, intern } = await readAndValidate(options, spill, results);
  const byId = new Map(outcomes.map((o, k) => [o.id, k]));
  const sorted = [...outcomes].sort(yearThenId);
  const load = (k: number): { report: AnnualReport } => {
    const group = places.several.get(k);
    if (!group) return mergeGroup([spill.get({ at: places.reportAt[k]!, bytes: places.reportBytes[k]! }).report]);
    return mergeGroup(group.refs.map((at) => {
      const { report } = spill.get(at);
      return group.id === undefined ? report : { ...report, id: group.id };
    }));
  };
  return {
    parsed,
    unreadable,
    reports: sorted,
    load(id) {
      const k = byId.get(id);
      if (k === undefined) throw new Error(`read: no report ${id} in this run`);
      const { report } = load(k);
      // The strings the outcome holds (equal, by construction: same report), so that a summary of it shares them.
      const o = outcomes[k]!;
      report.id = o.id;
      report.agency = o.agency;
      report.edition = o.edition;
      if (report.region != null) report.region = intern(report.region);
      if (report.published != null) report.published = intern(report.published);
      const result = results.get({ at: places.resultAt[k]!, bytes: places.resultBytes[k]! });
      return { report, validation: places.missing[k] ? withMissing(report, result, missing.latest, missing.seen) : result };
    },
    close() {
      spill.close();
      results.close();
    },
  };
}

async function readAndValidate(options: FolderReadOptions, spill: Spill<Record>, results: Spill<ValidationResult>) {
  const entries: Entry[] = [];
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
      entries.push({ id: report.id, key: identityKey(report), year: report.year, body: bodyKey(report), first: { rendering: report.sources[0]!.rendering, name: report.sources[0]!.name }, at, issued: issue !== undefined });
    });
  }

  // Renderings of one report: the groups of mergeRenderings, over the entries.
  const groups = mergedGroups(entries);
  const ids = [...groups.keys()].sort();
  const byOriginalId = new Map<string, Entry[]>();
  for (const e of entries) {
    const list = byOriginalId.get(e.id);
    if (list) list.push(e);
    else byOriginalId.set(e.id, [e]);
  }
  const merged = ids.map((id) => {
    const { items, renamed } = groups.get(id)!;
    const first = [...items].sort((a, b) => preferredSource(a.first, b.first))[0]!;
    return { id, items, renamed, year: first.year, body: first.body };
  });
  // The records of the report being validated, as read for it: its name's warning is taken from them, not read
  // from the spill a second time (an unresolved name is the common case: a whole deserialize a report).
  let current = new Map<Entry, Record>();
  const record = (e: Entry): Record => current.get(e) ?? spill.get(e.at);
  const load = (k: number, keep = false) => {
    const read = new Map<Entry, Record>();
    const got = mergeGroup(merged[k]!.items.map((e) => {
      const r = spill.get(e.at);
      read.set(e, r);
      return merged[k]!.renamed ? { ...r.report, id: merged[k]!.id } : r.report;
    }));
    if (keep) current = read;
    return got;
  };
  // identifyAll's warnings, by the id the report had when identified: one per distinct name.
  const foundFor = (id: string): Issue[] => {
    let issues: Issue[] = [];
    for (const e of byOriginalId.get(id) ?? []) {
      if (!e.issued) continue;
      const { issue } = record(e);
      if (issue) issues = [...issues.filter((i) => i.message.en !== issue.message.en), issue];
    }
    return issues;
  };

  const runIds = new Set(ids);
  const inRun = byBodyYear(merged.map((_, k) => k), (k) => merged[k]!);
  // The history: what missingInRun needs of every report, and a report of another run only where it is the first of
  // its body and year (what byBodyYear would keep), in the spill.
  const intern = interner();
  const standing: Standing[] = [];
  const inHistory = new Map<string, SpillRef>();
  for await (const h of options.history ?? []) {
    const body = bodyKey(h);
    standing.push({ id: h.id, year: h.year, body });
    const at = bodyYear(body, h.year);
    if (!runIds.has(h.id) && !inHistory.has(at)) inHistory.set(at, spill.put({ report: h }));
  }
  const fromHistory = (key: string): AnnualReport | undefined => {
    const ref = inHistory.get(key);
    return ref && spill.get(ref).report;
  };
  // Ids sort a body's years together: last year's report is most often the one just validated.
  let recent: { k: number; report: AnnualReport } | undefined;
  const held: Held[] = merged.map((m, k) => {
    const { report, renderings } = load(k, true);
    const key = bodyYear(m.body, m.year - 1);
    const before = inRun.get(key);
    const previous = before === undefined ? fromHistory(key) : before === recent?.k ? recent.report : load(before).report;
    const result = validateInRun(report, previous, foundFor(m.id), renderings ?? []);
    recent = { k, report };
    const count = (s: string) => result.issues.filter((i) => i.severity === s).length;
    return {
      outcome: {
        id: m.id, agency: intern(report.agency), year: report.year, edition: intern(report.edition) as AnnualReport['edition'],
        sources: report.sources.length, valid: result.valid, errors: count('error'), warnings: count('warning'),
      },
      result: results.put(result), missing: false,
    };
  });
  const missing = missingInRun(
    merged.map((m, k) => ({ id: m.id, year: m.year, body: m.body, valid: held[k]!.outcome.valid })),
    standing,
  );
  for (const h of held) {
    if (!missing.ids.has(h.outcome.id)) continue;
    h.missing = true;
    h.outcome.warnings++;
  }
  const n = held.length;
  const places: Places = {
    reportAt: new Float64Array(n), reportBytes: new Float64Array(n), resultAt: new Float64Array(n), resultBytes: new Float64Array(n),
    missing: new Uint8Array(n), several: new Map(),
  };
  held.forEach((h, k) => {
    const { items, renamed } = merged[k]!;
    if (items.length === 1 && !renamed) {
      places.reportAt[k] = items[0]!.at.at;
      places.reportBytes[k] = items[0]!.at.bytes;
    } else {
      places.several.set(k, { refs: items.map((e) => e.at), id: renamed ? merged[k]!.id : undefined });
    }
    places.resultAt[k] = h.result.at;
    places.resultBytes[k] = h.result.bytes;
    places.missing[k] = h.missing ? 1 : 0;
  });
  return { parsed, unreadable, outcomes: held.map((h) => h.outcome), places, missing: { latest: missing.latest, seen: missing.seen }, intern };
}
