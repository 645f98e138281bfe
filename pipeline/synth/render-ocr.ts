/**
 * OCR text of a scanned report: Markdown (as OCR tools with table recognition write it, with a converter's damage:
 * render-markdown.ts) or plain text (each table row one line, its cells separated by single spaces, blank cells lost,
 * as plain OCR gives it: read as flattened text). Both with OCR slips (ocr-slips.ts): look-alike characters in labels,
 * letters in figures (O for 0, l for 1), which the reader flags rather than guesses.
 */
import { TABLE_IDS, TABLES } from '../model/template.ts';
import { docText } from './doc-text.ts';
import { narrativeFigures } from './generate.ts';
import { buildGrid } from './grid.ts';
import { slipFigure, slipLabel } from './ocr-slips.ts';
import { drawPrintStyle, printValue, unitRng } from './print.ts';
import { renderRng } from './prng.ts';
import { renderMarkdown } from './render-markdown.ts';
import type { CompactReport, NarrativeFigures } from './types.ts';

export interface OcrRenderOptions {
  /** The text states table 四's results ("行政复议3件，其中结果维持1件…"): doc-text.ts; forced only (tests). */
  appealResults?: boolean;
  narrative?: NarrativeFigures;
  seed?: number;
  /** Plain text or Markdown (drawn when omitted). */
  form?: 'plain' | 'markdown';
}

function renderPlain(values: CompactReport, opts: OcrRenderOptions): string {
  const rng = renderRng(values, 'ocr-plain', opts.seed);
  const style = drawPrintStyle(rng, unitRng(values, 'ocr-plain', opts.seed));
  const text = docText(values, opts.narrative ?? narrativeFigures(values), { appealResults: opts.appealResults });
  const labelSlip = rng.pick([0.05, 0.15, 0.3]);
  const figureSlip = rng.pick([0, 0.01, 0.03]);
  const numbering = rng.chance(0.2) ? '、' : '.';
  const lines: string[] = [...text.heading, ...text.before.map((b) => b.text)];
  for (const id of TABLE_IDS) {
    lines.push(TABLES[id].zh);
    for (const row of buildGrid(id, values.edition, values.tables[id], { numbering, statedYuan: style.statedYuan }).rows) {
      const labels: string[] = [];
      const figures: string[] = [];
      for (const cell of row) {
        if (cell.kind === 'value') {
          const printed = printValue(id, cell.ref!.column, cell.value ?? null, style);
          if (printed !== '') figures.push(rng.chance(figureSlip) ? slipFigure(rng, printed) : printed);
        } else labels.push(cell.kind === 'label' && rng.chance(labelSlip) ? slipLabel(rng, cell.text) : cell.text);
      }
      lines.push([labels.join(''), ...figures].filter((t) => t !== '').join(' '));
    }
  }
  lines.push(...text.after.map((b) => b.text), text.agency);
  if (text.date) lines.push(text.date);
  return `${lines.join('\n')}\n`;
}

export function renderOcr(values: CompactReport, opts: OcrRenderOptions = {}): string {
  const form = opts.form ?? (renderRng(values, 'ocr-form', opts.seed).chance(0.5) ? 'markdown' : 'plain');
  return form === 'markdown' ? renderMarkdown(values, { ...opts, ocr: true }) : renderPlain(values, opts);
}
