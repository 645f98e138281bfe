/**
 * PDF: a report as Word or WPS exports it to PDF. A4, the title centred in 22 pt, the narrative in 16 pt wrapped
 * by characters, tables 二, 三 and 四 ruled cell by cell in 9–10.5 pt (merged cells as one box, labels wrapped inside
 * their cells, 三、本年度办理结果 often one character per line), a centred page number in every footer ("- 3 -"),
 * sometimes a running header. The font is STSong-Light, not embedded, shown through the UniGB-UCS2-H (or GBK-EUC-H)
 * CMap. Pages may be rendered as scans (an image, no text). Same values and options, same bytes.
 */
import type { TableId } from '../model/template.ts';
import { TABLE_IDS } from '../model/template.ts';
import { docText } from './doc-text.ts';
import { narrativeFigures } from './generate.ts';
import { composePages, type PageStyle } from './pdf-compose.ts';
import type { PdfFont } from './pdf-font.ts';
import { A4 } from './pdf-ops.ts';
import { cutRow, cuttableRows } from './pdf-cut-row.ts';
import { forcedBreakRows, layoutTable, type TableStyle } from './pdf-table.ts';
import { writePdf } from './pdf-write.ts';
import { drawPrintStyle, unitRng } from './print.ts';
import { renderRng, type Rng } from './prng.ts';
import type { CompactReport, NarrativeFigures } from './types.ts';
import { drawVariants, type Variants } from './variants.ts';

export type { PdfFont } from './pdf-font.ts';

export interface PdfRenderOptions {
  narrative?: NarrativeFigures;
  seed?: number;
  /** Force a page break inside this table, so that it spans two pages. */
  breakInside?: TableId;
  /** Narrow label columns, so that many labels wrap (default: drawn). */
  narrowLabels?: boolean;
  /** The report's title in small type at the top of every page, over a rule (default: drawn). */
  runningHeader?: boolean;
  /** Render these 1-based pages (true: all) as images only, with no text layer, like scanned pages. */
  scanned?: boolean | number[];
  /** Leave every table's outer border undrawn on this side, as an office suite may print it. */
  openSide?: 'left' | 'right' | 'top' | 'bottom';
  /** The font's CMap: UTF-16BE codes (UniGB-UCS2-H, the default) or GBK bytes (GBK-EUC-H). */
  font?: PdfFont;
  /**
   * Columns as office suites often print them (narrow label and value columns: labels wrapped over four to six lines,
   * headers a character or two a line, a figure wider than its cell broken inside it), widths drawn from the seed.
   */
  narrowColumns?: boolean;
  /**
   * Cut a row of this table by a page break, as office suites do: its figures and the first lines of its label on one
   * page, the rest of its label at the top of the next (which row, and where its label breaks, drawn from the seed).
   */
  cutRow?: TableId;
  /** Force variants (variants.ts); a PDF prints full-width digits, the others not. */
  variants?: Partial<Variants>;
  /**
   * The title not printed on the page, only in the document's Info /Title, as LibreOffice's PDF of a web page holds
   * it (the page's <h1> lost, its <title> kept). Never drawn.
   */
  untitledPage?: boolean;
}

const PRODUCERS = [['Microsoft® Word 2016', 'Microsoft® Word 2016'], ['Microsoft® Word 2019', 'Microsoft® Word 2019'], ['WPS 文字', 'WPS 文字']] as const;

function drawPageStyle(rng: Rng, runningHeader: string | null): PageStyle {
  const side = rng.pick([72, 76.5, 79.4]);
  const dashed = rng.chance(0.6);
  return {
    margin: { left: side, right: side, top: rng.pick([72, 85, 104.9]), bottom: rng.pick([72, 80, 99.2]) },
    titleSize: 22,
    titleLead: rng.pick([30, 36]),
    bodySize: 16,
    bodyLead: rng.pick([28, 29, 30]),
    splitRuns: rng.chance(0.5),
    rules: rng.chance(0.5) ? 'cell' : 'run',
    pageNumber: (n) => (dashed ? `- ${n} -` : `-${n}-`),
    pageNumberSize: rng.pick([10.5, 14]),
    footerY: rng.int(36, 48),
    runningHeader,
  };
}

function drawTableStyle(rng: Rng, narrowLabels: boolean, units: Rng, variants: Variants): TableStyle {
  const size = rng.pick([9, 10, 10.5]);
  return {
    size,
    lineHeight: Math.round(size * rng.pick([1.2, 1.3]) * 100) / 100,
    padX: rng.pick([2.5, 5.4]),
    padY: rng.pick([1.5, 3]),
    narrowLabels,
    resultLabel: rng.chance(0.7) ? 'vertical' : 'wrapped',
    numbering: rng.chance(0.2) ? '、' : '.',
    print: drawPrintStyle(rng, units, { digits: variants.digits === 'full-width' ? 'full-width' : 'ascii', note: 'none' }),
  };
}

export async function renderPdf(values: CompactReport, opts: PdfRenderOptions = {}): Promise<Uint8Array> {
  const rng = renderRng(values, 'pdf', opts.seed);
  const text = docText(values, opts.narrative ?? narrativeFigures(values));
  const header = opts.runningHeader ?? rng.chance(0.3);
  const page = drawPageStyle(rng, header ? text.fullTitle : null);
  const variants = drawVariants(values, 'pdf', opts.seed, opts.variants);
  const drawn = drawTableStyle(rng, opts.narrowLabels ?? rng.chance(0.25), unitRng(values, 'pdf', opts.seed), variants);
  // The office options draw from a generator of their own, so that the other draws of a seed stay as they were.
  const office = renderRng(values, 'pdf-office', opts.seed);
  const narrowColumns = opts.narrowColumns ? { share: office.pick([0.7, 0.8, 0.9]), labelEm: office.pick([3, 4]), numberAlone: office.chance(0.5) } : undefined;
  const table = { ...drawn, ...(opts.openSide ? { openSide: opts.openSide } : {}), ...(narrowColumns ? { narrowColumns } : {}) };
  const [creator, producer] = rng.pick(PRODUCERS);
  const width = A4.width - page.margin.left - page.margin.right;
  const tables = TABLE_IDS.map((id) => layoutTable(id, values, width, table));
  const breaks: Array<{ table: TableId; row: number }> = [];
  const cut = opts.cutRow === undefined ? undefined : TABLE_IDS.indexOf(opts.cutRow);
  const rows = cut === undefined ? [] : cuttableRows(tables[cut]!);
  if (cut !== undefined && rows.length > 0) {
    // A figure broken in its cell and cut (narrow columns only) is rare: half the time, when there is one, it is the cut.
    const figures = rows.filter((r) => r.goesOn === 'figure');
    const chosen = office.pick(figures.length > 0 && office.chance(0.5) ? figures : rows);
    const split = cutRow(tables[cut]!, chosen.row, office.pick(chosen.keep));
    tables[cut] = split.layout;
    breaks.push({ table: split.layout.table, row: split.breakBefore });
  }
  const target = opts.breakInside === undefined ? undefined : tables[TABLE_IDS.indexOf(opts.breakInside)]!;
  if (target) breaks.push({ table: target.table, row: rng.pick(forcedBreakRows(target)) });
  const pages = composePages(page, { text: opts.untitledPage ? { ...text, heading: [] } : text, tables, breaks });
  const scanned = opts.scanned ?? false;
  for (const [k, p] of pages.entries()) p.scanned = scanned === true || (Array.isArray(scanned) && scanned.includes(k + 1));
  const date = new Date(`${values.published ?? `${values.year + 1}-01-15`}T09:00:00+08:00`);
  return writePdf(pages, opts.font ?? 'ucs2', { title: text.fullTitle, author: text.agency, creator, producer, date });
}
