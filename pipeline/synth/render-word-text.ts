/**
 * Word text: what an agency's report looks like when its text is copied out of Word (as in the 聊城 2020 report):
 * title and narrative paragraphs, then each table row as one line per cell starting with a TAB, blank cells as a
 * lone TAB, an empty line after each row, labels and headers wrapped onto continuation lines that do not start with
 * a TAB, now and then an empty line inside a cell, and stray spaces around values; or (variant tabRows) each
 * table row as one line of TAB-separated cells, trimmed.
 */
import { TABLE_IDS } from '../model/template.ts';
import { type Block, docText } from './doc-text.ts';
import { encodeText, type TextEncoding } from './encode.ts';
import { narrativeFigures } from './generate.ts';
import { buildGrid, expandGrid } from './grid.ts';
import { drawPrintStyle, printValue, unitRng } from './print.ts';
import { renderRng, type Rng } from './prng.ts';
import type { CompactReport, NarrativeFigures } from './types.ts';
import { drawVariants, FOOTNOTE, type Variants } from './variants.ts';
import { maybeWrap } from './wrap.ts';

export interface TextRenderOptions {
  /** The figures the narrative states (default: read off the tables). */
  narrative?: NarrativeFigures;
  /** Seed for the rendering's own variation (default: derived from the report). */
  seed?: number;
  encoding?: TextEncoding;
  /** Force variants (variants.ts); the others are drawn. */
  variants?: Partial<Variants>;
}

const NOISE = ['\u3000', ' ', '\u00a0'];

function paragraphs(rng: Rng, blocks: Block[], lines: string[]): void {
  for (const b of blocks) {
    const indent = b.kind === 'h1' ? '' : rng.weighted([['', 6], [' ', 2], ['\u3000\u3000', 1], ['   ', 1]]);
    lines.push(indent + b.text);
    if (rng.chance(0.5)) lines.push('');
  }
}

export function renderWordText(values: CompactReport, opts: TextRenderOptions = {}): string | Uint8Array {
  const rng = renderRng(values, 'word-text', opts.seed);
  const variants = drawVariants(values, 'word-text', opts.seed, opts.variants);
  const style = drawPrintStyle(rng, unitRng(values, 'word-text', opts.seed), variants);
  const text = docText(values, opts.narrative ?? narrativeFigures(values), variants);
  const lines: string[] = text.heading.length === 2 && text.heading[0] === text.agency ? [text.agency, '', text.heading[1]!] : [...text.heading];
  paragraphs(rng, text.before, lines);
  const noisy = rng.chance(0.6); // some copies carry stray spaces around values, some none
  const numbering = rng.chance(0.2) ? '、' : '.';
  for (const id of TABLE_IDS) {
    lines.push(text.tableHeadings[id]);
    const grid = buildGrid(id, values.edition, values.tables[id], {
      numbering, statedYuan: style.statedYuan, strayHeader: style.strayHeader, otherWording: variants.otherWording, splitHeaders: variants.splitHeaders,
    });
    const rows = expandGrid(grid);
    rows.forEach((row, r) => {
      // A page number pasted into the table, on a line of its own before table 三's last row.
      if (variants.footerRow && id === 'applications' && r === rows.length - 1) lines.push('- 2 -', '');
      if (variants.tabRows) {
        // The row as one line of TAB-separated cells, as a page's text copies it (a cell a merged cell covers is not
        // there), trimmed: its trailing blank cells are lost.
        const pieces = row.filter(({ continuation }) => !continuation).map(({ cell }) =>
          cell.kind === 'value' ? printValue(id, cell.ref!.column, cell.value ?? null, style, cell.ref!.row) : cell.text);
        lines.push(pieces.join('\t').trimEnd());
        return;
      }
      for (const { cell, continuation } of row) {
        if (continuation) {
          lines.push('\t');
          continue;
        }
        if (cell.kind === 'value') {
          let printed = printValue(id, cell.ref!.column, cell.value ?? null, style, cell.ref!.row);
          if (noisy && printed !== '' && rng.chance(0.08)) {
            printed = rng.chance(0.5) ? printed + rng.pick(NOISE) : rng.pick(NOISE) + printed;
          }
          lines.push(`\t${printed}`);
          continue;
        }
        const [first = '', ...rest] = maybeWrap(rng, cell.text, cell.kind === 'header' ? 0.3 : 0.15);
        lines.push(`\t${first}`, ...rest);
        if (cell.kind === 'label' && rng.chance(0.04)) lines.push(''); // an empty paragraph left in the cell
      }
      lines.push('');
    });
    if (id === 'applications' && style.note === 'mark') lines.push(FOOTNOTE);
    lines.push('');
  }
  paragraphs(rng, text.after, lines);
  lines.push(text.agency);
  if (text.date) lines.push(' '.repeat(rng.int(20, 32)) + text.date);
  lines.push('', '');
  return encodeText(lines.join('\n'), opts.encoding);
}
