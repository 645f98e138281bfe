/**
 * Where the build keeps the release's summaries until the aggregate files are written. In memory (the default), a
 * summary is kept as it is. Spilled, it is kept as a small object holding what the aggregate files sort and group by
 * (id, year, body, series, names, dates, counts and flags: strings the summary pool already shares), and the rest —
 * headline figures, figures, sources, the document's path, size and sha256, the page — goes to a record spill
 * (adapters/record-spill.ts, passed in) and is read back when a writer asks for it, the same values in the same key
 * order. What the build keeps a report is then about 0.2 KiB instead of some 0.9. Pure but for the spill it is given.
 */
import type { ReportSummary } from './types.ts';

export interface SummaryStore {
  /** The summary to keep in place of `s` (equal to it, field for field); `s` is not used again. */
  keep(s: ReportSummary): ReportSummary;
}

export const summariesInMemory: SummaryStore = { keep: (s) => s };

/** What a spilled summary reads back on demand. */
export type SpilledPart = Pick<ReportSummary, 'headline' | 'figures' | 'sources' | 'json' | 'page'>;

export interface PartSpill {
  put(value: SpilledPart): number;
  get(index: number): SpilledPart;
}

/** Summaries whose figures, sources and links lie in `spill`; the last part read is held (a writer reads several of its fields in a row). */
export function spilledSummaries(spill: PartSpill): SummaryStore {
  let lastIndex = -1;
  let last: SpilledPart | undefined;
  const part = (index: number): SpilledPart => {
    if (index !== lastIndex) {
      last = spill.get(index);
      lastIndex = index;
    }
    return last!;
  };

  /** The spilled fields, read back from the spill; the summary's other fields are the instance's own (keep). */
  class Spilled {
    readonly #part: number;
    constructor(index: number) { this.#part = index; }
    get headline() { return part(this.#part).headline; }
    get figures() { return part(this.#part).figures; }
    get sources() { return part(this.#part).sources; }
    get json() { return part(this.#part).json; }
    get page() { return part(this.#part).page; }
  }

  return {
    keep(s) {
      const { headline, figures, sources, json, page, ...kept } = s;
      return Object.assign(new Spilled(spill.put({ headline, figures, sources, json, page })), kept);
    },
  };
}
