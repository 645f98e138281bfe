/**
 * Markdown as PDF-to-Markdown converters write a report: prose as paragraphs and headings, each table as a pipe
 * table on the grid's columns (a merged cell's other positions left empty), with the damage converters do, drawn
 * at random from the seed:
 * - a table broken at a page end: the page's footer ("— 5 —") between two tables, the second with a new header row
 *   (the table's own first row, or the converter's "| 项目 | 数据1 | 数据2 | … |");
 * - a row whose label cells were lost ("| 0 | 0 | 0 | 0 | 0 | 0 | 0 |");
 * - a label split over two rows (the figures on the first or on the second);
 * - stray lines between rows ("（续表）", a note).
 * With `ocr` (OCR text of a scanned report), labels and figures get OCR slips (ocr-slips.ts).
 */
import { TABLE_IDS, TABLES } from '../model/template.ts';
import { docText } from './doc-text.ts';
import { narrativeFigures } from './generate.ts';
import { buildGrid, expandGrid, type Grid } from './grid.ts';
import { escapeHtml } from './html-chrome.ts';
import { slipFigure, slipLabel } from './ocr-slips.ts';
import { drawPrintStyle, type PrintStyle, printValue, unitRng } from './print.ts';
import { type Rng, renderRng } from './prng.ts';
import type { CompactReport, NarrativeFigures } from './types.ts';

export interface MarkdownRenderOptions {
  /** The text states table 四's results ("行政复议3件，其中结果维持1件…"): doc-text.ts; forced only (tests). */
  appealResults?: boolean;
  /**
   * Each table as one line of HTML (<html><body><table>…, rowspan and colspan kept), as MinerU writes it, instead of a
   * pipe table (forced only: tests; pipeline/ingest/markdown-html.ts).
   */
  htmlTables?: boolean;
  narrative?: NarrativeFigures;
  seed?: number;
  /** OCR text of a scan: slips in labels and figures. */
  ocr?: boolean;
  /** Force how often each damage strikes (the others are drawn). */
  damage?: Partial<Damage>;
}

/** How often each kind of damage strikes, per row (drawn per report: some converters are cleaner than others). */
export interface Damage {
  pageBreak: number;
  labelLost: number;
  labelSplit: number;
  stray: number;
  /** OCR: share of labels with a slip, of figures with a letter. */
  labelSlip: number;
  figureSlip: number;
}

const STRAY = ['（续表）', '续上表', '注：本表数据统计截至年底。', '表格（续）'];

interface MdCell {
  text: string;
  kind: 'label' | 'value' | 'other';
}

function drawDamage(rng: Rng, ocr: boolean): Damage {
  return {
    pageBreak: rng.pick([0, 0.05, 0.1]),
    labelLost: rng.pick([0, 0.05, 0.1, 0.2]),
    labelSplit: rng.pick([0, 0.05, 0.15]),
    stray: rng.pick([0, 0.03, 0.08]),
    labelSlip: ocr ? rng.pick([0.05, 0.15, 0.3]) : 0,
    figureSlip: ocr ? rng.pick([0, 0.01, 0.03]) : 0,
  };
}

/** The grid's rows as rows of markdown cells, one per grid column. */
function gridRows(grid: Grid, style: PrintStyle, rng: Rng, damage: Damage): MdCell[][] {
  const repeatMerged = rng.chance(0.3); // some converters repeat a merged label in every row it spans
  return expandGrid(grid).map((placed) => {
    const out: MdCell[] = [];
    for (const p of placed) {
      const { cell } = p;
      let text = '';
      if (cell.kind === 'value') {
        text = printValue(grid.table, cell.ref!.column, cell.value ?? null, style);
        if (text !== '' && rng.chance(damage.figureSlip)) text = slipFigure(rng, text);
      } else if (!p.continuation || (repeatMerged && cell.kind === 'label')) {
        text = cell.kind === 'label' && rng.chance(damage.labelSlip) ? slipLabel(rng, cell.text) : cell.text;
      }
      const kind = cell.kind === 'value' ? 'value' : cell.kind === 'label' ? 'label' : 'other';
      out.push({ text, kind });
      for (let k = 1; k < cell.colspan; k++) out.push({ text: '', kind });
    }
    return out;
  });
}

/** The table as MinerU writes it into Markdown: one line of HTML, the grid's spans kept. */
function htmlTable(grid: Grid, style: PrintStyle): string {
  const rows = grid.rows.map((row) => `<tr>${row.map((cell) => {
    const span = (cell.colspan > 1 ? ` colspan="${cell.colspan}"` : '') + (cell.rowspan > 1 ? ` rowspan="${cell.rowspan}"` : '');
    const text = cell.kind === 'value' ? printValue(grid.table, cell.ref!.column, cell.value ?? null, style) : cell.text;
    return `<td${span}>${escapeHtml(text)}</td>`;
  }).join('')}</tr>`);
  return `<html><body><table>${rows.join('')}</table></body></html>`;
}

const pipe = (cells: readonly string[]): string => `| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
const delimiter = (n: number): string => `|${' --- |'.repeat(n)}`;

function renderTable(grid: Grid, style: PrintStyle, rng: Rng, damage: Damage, page: { n: number }): string[] {
  const rows = gridRows(grid, style, rng, damage);
  const width = grid.columns;
  const out: string[] = [];
  const header = (cells: readonly string[]): void => {
    out.push(pipe(cells), delimiter(width));
  };
  header(rows[0]!.map((c) => c.text));
  const renamed = (): string[] => ['项目', ...Array.from({ length: width - 1 }, (_, i) => `数据${i + 1}`)];
  rows.slice(1).forEach((row, i) => {
    const isData = row.some((c) => c.kind === 'value');
    if (i > 0 && rng.chance(damage.pageBreak)) {
      out.push('', rng.pick([`— ${page.n} —`, `- ${page.n} -`, `第 ${page.n} 页`]), '');
      page.n++;
      header(rng.chance(0.5) ? renamed() : rows[0]!.map((c) => c.text));
    } else if (i > 0 && rng.chance(damage.stray)) {
      out.push(rng.pick(STRAY));
    }
    const labels = row.filter((c) => c.kind === 'label' && c.text !== '');
    if (isData && labels.length > 0 && rng.chance(damage.labelLost)) {
      // The converter lost the label cells: the row keeps its figures only.
      out.push(pipe(row.filter((c) => c.kind === 'value').map((c) => c.text)));
      return;
    }
    const own = labels.at(-1);
    if (isData && own && own.text.length >= 8 && rng.chance(damage.labelSplit)) {
      const at = rng.int(3, own.text.length - 3);
      const first = row.map((c) => (c === own ? own.text.slice(0, at) : c.text));
      const second = row.map((c) => (c === own ? own.text.slice(at) : ''));
      if (rng.chance(0.5)) {
        out.push(pipe(first), pipe(second)); // figures on the first row, the label's end on the next
      } else {
        out.push(pipe(first.map((t, k) => (row[k]!.kind === 'value' ? '' : t))), pipe(row.map((c) => (c === own ? own.text.slice(at) : c.kind === 'value' ? c.text : ''))));
      }
      return;
    }
    out.push(pipe(row.map((c) => c.text)));
  });
  return out;
}

export function renderMarkdown(values: CompactReport, opts: MarkdownRenderOptions = {}): string {
  const name = opts.ocr ? 'ocr-markdown' : 'markdown';
  const rng = renderRng(values, name, opts.seed);
  const style = drawPrintStyle(rng, unitRng(values, name, opts.seed));
  const damage = { ...drawDamage(rng, opts.ocr === true), ...opts.damage };
  const text = docText(values, opts.narrative ?? narrativeFigures(values), { appealResults: opts.appealResults });
  const numbering = rng.chance(0.2) ? '、' : '.';
  const page = { n: 2 };
  const lines: string[] = [...text.heading.map((h) => `# ${h}`), ''];
  for (const b of text.before) lines.push(b.kind === 'p' ? b.text : `## ${b.text}`, '');
  for (const id of TABLE_IDS) {
    lines.push(`## ${TABLES[id].zh}`, '');
    const grid = buildGrid(id, values.edition, values.tables[id], { numbering, statedYuan: style.statedYuan });
    lines.push(...(opts.htmlTables ? [htmlTable(grid, style)] : renderTable(grid, style, rng, damage, page)), '');
  }
  for (const b of text.after) lines.push(b.kind === 'p' ? b.text : `## ${b.text}`, '');
  lines.push(text.agency);
  if (text.date) lines.push(text.date);
  return `${lines.join('\n')}\n`;
}
