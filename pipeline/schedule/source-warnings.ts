/**
 * Sources that yield less than they did: a source that matched no documents, or fewer than last run, is a warning
 * (in the run summary, `xxgk status` and the JSON log; `xxgk run --strict` exits 1 on it), naming the published
 * reports of that source that the release keeps because they were not read this run. Pure.
 */

/** What one source yielded this run. */
export interface SourceYield {
  source: string;
  /** Documents collected this run (0 for a source that failed: its failure is reported on its own). */
  documents: number;
  /** Documents held from the last run. */
  before: number;
  /** The source could not be read (its held documents were used). */
  failed: boolean;
}

export interface Shortfall {
  source: string;
  text: string;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Sources that matched nothing, or fewer documents than last run (failed sources are reported elsewhere). */
export function shortfalls(yields: readonly SourceYield[]): Shortfall[] {
  const out: Shortfall[] = [];
  for (const y of yields) {
    if (y.failed) continue;
    if (y.documents === 0) out.push({ source: y.source, text: `source ${y.source} matched no documents` });
    else if (y.documents < y.before) out.push({ source: y.source, text: `source ${y.source} yielded ${plural(y.documents, 'document')}, ${y.before} last time` });
  }
  return out;
}

/** Every source yielded nothing this run (none had a document, or could be read): nothing to build or publish. */
export const nothingYielded = (yields: readonly SourceYield[]): boolean => yields.length > 0 && yields.every((y) => y.documents === 0);

/** A published report as the release folder has it: its id and the names of the documents it was read from. */
export interface PublishedReport {
  id: string;
  sources: ReadonlyArray<{ name: string }>;
}

/**
 * The published reports of each source that were not read this run: documents are named `<source id>/<file>`, and a
 * report is read when one of its documents is among those held now.
 */
export function keptBySource(reports: readonly PublishedReport[], held: ReadonlySet<string>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const r of reports) {
    if (r.sources.some((s) => held.has(s.name))) continue;
    const sources = new Set(r.sources.map((s) => s.name.split('/')[0]!).filter(Boolean));
    for (const source of sources) {
      const list = out.get(source);
      if (list) list.push(r.id);
      else out.set(source, [r.id]);
    }
  }
  return out;
}

/** The warning lines: each shortfall, with the published reports of its source that are kept. */
export function sourceWarnings(found: readonly Shortfall[], kept: ReadonlyMap<string, readonly string[]>): Shortfall[] {
  return found.map((s) => {
    const ids = kept.get(s.source) ?? [];
    if (ids.length === 0) return s;
    return { source: s.source, text: `${s.text}; its ${plural(ids.length, 'published report')} ${ids.length === 1 ? 'is' : 'are'} kept (${ids.join(', ')})` };
  });
}

/**
 * The withdrawals a source's `withdrawMissing: true` asks for: its published reports that this run did not read
 * (by id, so a renamed file is no withdrawal), when the source yielded documents (a source that matched nothing, or
 * failed, withdraws nothing). A report read from several sources leaves only when every one of them says so.
 */
export function withdrawMissing(flagged: ReadonlySet<string>, yields: readonly SourceYield[], reports: Iterable<PublishedReport>, read: ReadonlySet<string>): Array<{ id: string; reason: string }> {
  const of = withdrawalOf(flagged, yields, read);
  const out: Array<{ id: string; reason: string }> = [];
  for (const r of reports) {
    const w = of(r);
    if (w) out.push(w);
  }
  return out;
}

/** withdrawMissing one published report at a time (the release streams by): its withdrawal, or null. */
export function withdrawalOf(flagged: ReadonlySet<string>, yields: readonly SourceYield[], read: ReadonlySet<string>): (r: PublishedReport) => { id: string; reason: string } | null {
  const live = new Set(yields.filter((y) => flagged.has(y.source) && !y.failed && y.documents > 0).map((y) => y.source));
  return (r) => {
    if (read.has(r.id)) return null;
    const sources = [...new Set(r.sources.map((s) => s.name.split('/')[0]!))];
    return sources.length > 0 && sources.every((s) => live.has(s))
      ? { id: r.id, reason: `no longer in source ${sources.join(', ')} (sources[].withdrawMissing)` }
      : null;
  };
}
