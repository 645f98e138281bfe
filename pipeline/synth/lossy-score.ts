/**
 * Score a lossy rendering's round trips: generate → render → ingest → parse → compare, per report and per cell.
 * A report is read exactly (every cell), read in part (some cells flagged as not read, the rest exact), refused
 * (an InputError), or read wrong (a cell whose value differs without a flag — must never happen). For the round-trip
 * tests and `npm run bench` (bench/lossy.ts).
 */
import { ingest } from '../ingest/index.ts';
import { parseDocument } from '../parse/index.ts';
import { compareCells } from './compare.ts';
import { type GenerateOptions, generate } from './generate.ts';
import { renderFlatText } from './render-flat-text.ts';
import { renderMarkdown } from './render-markdown.ts';
import { renderOcr } from './render-ocr.ts';
import { renderRawText } from './render-raw-text.ts';

/** 'flat-glued': flattened text whose crawler glued the page into one line (renderFlatText `glued`). */
export const LOSSY_RENDERINGS = ['flat-text', 'flat-glued', 'pdftotext-raw', 'markdown', 'ocr'] as const;
export type LossyRendering = (typeof LOSSY_RENDERINGS)[number];

export interface LossyScore {
  reports: number;
  exact: number;
  partial: number;
  refused: number;
  wrong: number;
  cells: number;
  cellsExact: number;
  cellsFlagged: number;
  cellsWrong: number;
  /** The first few wrong cells and refusals, for the message of a failing test. */
  examples: string[];
}

/** A report rendered for a round trip: its seed, the rendered bytes and the values they were rendered from. */
export interface RoundTrip {
  seed: number;
  bytes: Uint8Array;
  values: ReturnType<typeof generate>['values'];
  /** How examples name the report (default "seed N"). */
  name?: string;
}

export function renderLossy(rendering: LossyRendering, seed: number, options: GenerateOptions = {}): RoundTrip {
  const g = generate(seed, options);
  const render = rendering === 'flat-glued'
    ? (v: typeof g.values, o: { narrative: typeof g.narrative }) => renderFlatText(v, { ...o, glued: true })
    : { 'flat-text': renderFlatText, 'pdftotext-raw': renderRawText, markdown: renderMarkdown, ocr: renderOcr }[rendering];
  return { seed, bytes: new TextEncoder().encode(render(g.values, { narrative: g.narrative })), values: g.values };
}

export async function scoreLossy(rendering: LossyRendering, seeds: Iterable<number>): Promise<LossyScore> {
  return scoreRoundTrips(rendering, (function* () {
    for (const seed of seeds) yield renderLossy(rendering, seed);
  })());
}

/** Score round trips already rendered (a rendering's reports with chosen generator options: a blank style). */
export async function scoreRoundTrips(rendering: string, trips: Iterable<RoundTrip>): Promise<LossyScore> {
  const s: LossyScore = { reports: 0, exact: 0, partial: 0, refused: 0, wrong: 0, cells: 0, cellsExact: 0, cellsFlagged: 0, cellsWrong: 0, examples: [] };
  for (const { seed, bytes, values, name = `seed ${seed}` } of trips) {
    s.reports++;
    let report;
    try {
      report = parseDocument(await ingest(bytes, `synthetic-${seed}.${rendering}.txt`));
    } catch (err) {
      s.refused++;
      if (s.examples.length < 5) s.examples.push(`${name} refused: ${(err as Error).message}`);
      continue;
    }
    const mismatches = compareCells(values, report);
    // A row_missing mismatch in a table whose rows were flagged as not read ("which row is which cannot be told") says
    // nothing wrong: the report did not claim the rows' layout.
    // A row of blanks read as absent (its label too garbled to name it: OCR) carries a table.row_missing warning that
    // names it, and no figure: flagged, not wrong.
    const flagged = (m: { expected: string; found: string }): boolean => m.found.startsWith('text') || (m.expected === 'blank' && m.found === 'absent');
    const flaggedTable = (m: { cell: string }): boolean => m.cell.endsWith('table.row_missing') && mismatches.some((x) => flagged(x) && x.cell.startsWith(`${m.cell.split(':')[0]}.`));
    const wrong = mismatches.filter((m) => !flagged(m) && !flaggedTable(m));
    let cells = 0;
    for (const table of Object.values(report.tables)) for (const row of Object.values(table)) cells += Object.keys(row as object).length;
    s.cells += cells;
    s.cellsExact += cells - mismatches.length;
    s.cellsFlagged += mismatches.length - wrong.length;
    s.cellsWrong += wrong.length;
    if (wrong.length > 0) {
      s.wrong++;
      for (const m of wrong.slice(0, 2)) if (s.examples.length < 5) s.examples.push(`${name} wrong: ${m.cell} expected ${m.expected}, found ${m.found}`);
    } else if (mismatches.length > 0) s.partial++;
    else s.exact++;
  }
  return s;
}

const pct = (n: number, of: number): string => `${of === 0 ? '0.0' : ((100 * n) / of).toFixed(1)}%`;

/** One line: reports exact / in part / refused / wrong, and cells exact / flagged / wrong. */
export function formatScore(rendering: string, s: LossyScore): string {
  return `${rendering}: ${s.reports} reports — exact ${pct(s.exact, s.reports)}, read in part ${pct(s.partial, s.reports)}, ` +
    `refused ${pct(s.refused, s.reports)}, read wrong ${pct(s.wrong, s.reports)}; cells of reports read: ${s.cells} — exact ` +
    `${pct(s.cellsExact, s.cells)}, flagged not read ${pct(s.cellsFlagged, s.cells)}, wrong ${pct(s.cellsWrong, s.cells)}`;
}
