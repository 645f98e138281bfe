/**
 * Flattened page text: the text of a report's web page as a crawler or copy-paste gives it — each paragraph a line,
 * each table row a line with its cells' text glued together ("一、本年新收政府信息公开申请数量230 000023"). Blank
 * cells print nothing, or (a page whose &nbsp; survived) a space; now and then a stray space stands between two cells.
 */
import { TABLE_IDS, TABLES } from '../model/template.ts';
import { docText } from './doc-text.ts';
import { narrativeFigures } from './generate.ts';
import { buildGrid } from './grid.ts';
import { drawPrintStyle, printValue, unitRng } from './print.ts';
import { renderRng } from './prng.ts';
import type { CompactReport, NarrativeFigures } from './types.ts';

export interface FlatTextRenderOptions {
  /** The text states table 四's results ("行政复议3件，其中结果维持1件…"): doc-text.ts; forced only (tests). */
  appealResults?: boolean;
  /**
   * The whole page on one line, as a crawler that joins the page's text nodes with nothing between them stores it
   * (a real one: 平潭综合实验区's reports, 2019–2025: the title on a line of its own, the body after it on one line);
   * ingest/flat-text.ts cuts it back into rows. Forced only (tests).
   */
  glued?: boolean;
  narrative?: NarrativeFigures;
  seed?: number;
}

export function renderFlatText(values: CompactReport, opts: FlatTextRenderOptions = {}): string {
  const rng = renderRng(values, 'flat-text', opts.seed);
  const style = drawPrintStyle(rng, unitRng(values, 'flat-text', opts.seed));
  const text = docText(values, opts.narrative ?? narrativeFigures(values), { appealResults: opts.appealResults });
  const nbsp = rng.chance(0.3); // blank cells keep their &nbsp; as a space
  const stray = rng.pick([0, 0.05, 0.15, 0.3]); // share of cell boundaries with a stray space
  const numbering = rng.chance(0.2) ? '、' : '.';
  const lines: string[] = [...text.heading, ...text.before.map((b) => b.text)];
  for (const id of TABLE_IDS) {
    lines.push(TABLES[id].zh);
    for (const row of buildGrid(id, values.edition, values.tables[id], { numbering, statedYuan: style.statedYuan }).rows) {
      let line = '';
      for (const cell of row) {
        const printed = cell.kind === 'value' ? printValue(id, cell.ref!.column, cell.value ?? null, style) : cell.text;
        if (line !== '' && rng.chance(stray)) line += ' ';
        line += printed === '' && cell.kind === 'value' && nbsp ? ' ' : printed;
      }
      lines.push(line.trimEnd());
    }
  }
  lines.push(...text.after.map((b) => b.text), text.agency);
  if (text.date) lines.push(text.date);
  if (opts.glued) return `${text.heading.join('\n')}\n${lines.slice(text.heading.length).join('')}\n`;
  return `${lines.join('\n')}\n`;
}
