/**
 * Raw `pdftotext` output (run without -layout) of a report printed to PDF: pdftotext writes the page block by block,
 * so each table cell comes on its own line(s) with blank lines between blocks — a label wrapped over several lines
 * as in a narrow table cell, a vertical heading one or two characters a line, a blank cell as nothing at all. Page
 * numbers ("-3-") and form feeds fall between rows. As in real output, some wrapped labels of table 三's outcome rows
 * are written after the table's figures instead of before their own, or at the next page break inside the table (their
 * rows are then read by the row order).
 */
import { TABLE_IDS, TABLES } from '../model/template.ts';
import { docText } from './doc-text.ts';
import { narrativeFigures } from './generate.ts';
import { buildGrid, type GridCell } from './grid.ts';
import { drawPrintStyle, printValue, unitRng } from './print.ts';
import { type Rng, createRng, hashString, renderRng } from './prng.ts';
import type { CompactReport, NarrativeFigures } from './types.ts';

export interface RawTextRenderOptions {
  /** The text states table 四's results ("行政复议3件，其中结果维持1件…"): doc-text.ts; forced only (tests). */
  appealResults?: boolean;
  narrative?: NarrativeFigures;
  seed?: number;
  /**
   * A web page's text as a crawler stores it, a cell a line: a blank cell prints its &nbsp; on a line of its own, and
   * no label is moved (forced only: tests; pdftotext-raw.ts).
   */
  nbspBlanks?: boolean;
}

/** A label as a narrow cell wraps it: pieces of `width` characters. */
function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += width) out.push(text.slice(i, i + width));
  return out;
}

function cellLines(cell: GridCell, rng: Rng, width: number): string[] {
  if (cell.rowspan > 2 && cell.kind === 'label') return wrap(cell.text, rng.int(1, 2));
  return wrap(cell.text, width);
}

export function renderRawText(values: CompactReport, opts: RawTextRenderOptions = {}): string {
  const rng = renderRng(values, 'pdftotext-raw', opts.seed);
  const style = drawPrintStyle(rng, unitRng(values, 'pdftotext-raw', opts.seed));
  const text = docText(values, opts.narrative ?? narrativeFigures(values), { appealResults: opts.appealResults });
  const width = rng.int(6, 16); // characters a label cell holds on one line
  const float = rng.pick([0, 0, 0.3, 0.7]); // share of wrapped outcome labels written after the table's figures
  const numbering = rng.chance(0.2) ? '、' : '.';
  let page = 1;
  let sincePage = 0;
  const pageEvery = rng.int(25, 60);
  // Where the moved labels go: after the table, or (as in real output, 淮安市 2024) at the next page break inside it.
  // Drawn from a generator of its own, so that no other draw of existing seeds moves.
  const atBreak = createRng(hashString('pdftotext-raw|moved', opts.seed ?? hashString(`${values.agency}|${values.year}|${values.edition}`))).chance(0.5);
  const blocks: string[][] = [[...text.heading], ...text.before.map((b) => [b.text])];
  const out: string[] = [];
  let moved: string[] = [];
  /** @param rowEnd the lines end a table row: a page break after them writes the page's moved labels first. */
  const emit = (lines: string[], rowEnd = true): void => {
    out.push(...lines, '');
    sincePage += lines.length;
    if (sincePage >= pageEvery) {
      if (rowEnd && atBreak && moved.length > 0) out.push(...moved.splice(0), '');
      out.push(`-${page++}-`, '');
      sincePage = 0;
      out.push('\f');
    }
  };
  for (const b of blocks) emit(b);
  for (const id of TABLE_IDS) {
    emit([TABLES[id].zh]);
    const grid = buildGrid(id, values.edition, values.tables[id], { numbering, statedYuan: style.statedYuan });
    moved = [];
    grid.rows.forEach((row, r) => {
      const outcome = id === 'applications' && r > grid.headerRows + 2;
      const pieces: string[][] = [];
      for (const cell of row) {
        if (cell.kind === 'value') {
          const printed = printValue(id, cell.ref!.column, cell.value ?? null, style);
          if (printed !== '') pieces.push([printed]);
          else if (opts.nbspBlanks) pieces.push(['\u00a0']);
          continue;
        }
        const lines = cellLines(cell, rng, width);
        if (outcome && cell.kind === 'label' && lines.length > 1 && rng.chance(float) && !opts.nbspBlanks) moved.push(...lines);
        else pieces.push(lines);
      }
      pieces.forEach((lines, i) => emit(lines, i === pieces.length - 1));
    });
    if (moved.length > 0) emit(moved.splice(0));
  }
  for (const b of text.after) emit([b.text]);
  emit([text.agency, ...(text.date ? [text.date] : [])]);
  return `${out.join('\n').replace(/\n\f\n/g, '\n\f')}\n`;
}
