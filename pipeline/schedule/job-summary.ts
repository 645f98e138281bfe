/** What one run of the job did, and the line `xxgk run` prints for it. */

export interface JobSummary {
  /** empty: every source yielded nothing, so nothing was built or published. */
  status: 'done' | 'stopped' | 'empty';
  fetched: number;
  unchanged: number;
  parsed: number;
  warnings: number;
  quarantined: number;
  /** The version published by this run, or null. */
  published: string | null;
  /** Problems of listing sources (a page not allowed or not read, a listing that matches nothing), each naming its source. */
  harvestWarnings: string[];
  /** Sources that matched no documents, or fewer than last run, with the published reports kept for each. */
  sourceWarnings: string[];
  /**
   * Documents that could not be read — files of path and inbox sources (permissions, over limits.maxBytes) and
   * documents that could not be parsed (damaged, over a limit, not a report): each quarantined, the rest built;
   * `xxgk run` exits 2.
   */
  unreadable?: string[];
  /** Sources that could not be fetched ("source <id>: <why>"): each keeps what it held, the rest built; `xxgk run` exits 2. */
  failedSources?: string[];
}

export function formatSummary(s: JobSummary): string {
  const end = s.status === 'stopped' ? 'stopped before publishing'
    : s.status === 'empty' ? 'every source yielded no documents: nothing built or published'
    : s.published ? `published v${s.published}` : 'nothing to publish';
  const harvest = s.harvestWarnings.length ? `, ${s.harvestWarnings.length} harvest warnings` : '';
  const sources = s.sourceWarnings.length ? `, ${s.sourceWarnings.length} source warning${s.sourceWarnings.length === 1 ? '' : 's'}` : '';
  const failed = s.failedSources?.length ? `, ${s.failedSources.length} source${s.failedSources.length === 1 ? '' : 's'} failed` : '';
  return `xxgk run: ${s.fetched} fetched, ${s.unchanged} unchanged, ${s.parsed} parsed, ${s.warnings} warnings${harvest}${sources}${failed}, ${s.quarantined} quarantined; ${end}`;
}
