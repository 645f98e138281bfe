/**
 * PDF → cells. Each page's ruled tables are rebuilt from their ruling lines (pdf-table.ts: merged cells, labels
 * wrapped inside a cell, blank cells kept blank); text outside the tables becomes lines, split into pieces at wide
 * gaps (so a table drawn without rules reads like `pdftotext -layout` text, with positions). Page numbers,
 * running headers and footers are dropped, so a table that goes on over a page break reads as one. A scanned page
 * (images, no text) is reported, never read as empty. Cells carry page and position.
 */
import type { PDFDocumentProxy } from 'pdfjs-dist/types/src/display/api.js';
import { InputError } from '../errors.ts';
import type { PdfPage, PdfText } from './pdf-content.ts';
import { furniture } from './pdf-furniture.ts';
import { type PdfLine, groupLines, pieces } from './pdf-lines.ts';
import type { ReadLimits } from './limits.ts';
import { openPdf, readPages } from './pdf-load.ts';
import { withStrayRejectionsIgnored } from './pdf-stray.ts';
import { joinContinued, sameColumns } from './pdf-continue.ts';
import { type RuledTable, ruledTables } from './pdf-table.ts';
import type { TextCell } from './types.ts';

export interface PdfCells {
  cells: TextCell[];
  pages: number;
  /** Pages that hold images and no text at all: scans without a text layer. */
  scannedPages: number[];
  /** The document's own title (its Info /Title: a page's <title> when a browser or LibreOffice printed the page). */
  title?: string;
}

const round = (n: number): number => Math.round(n * 10) / 10;

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length === 0 ? 10 : s[Math.floor(s.length / 2)]!;
}

/** "1, 2, 3, 5" → "1–3, 5". */
export function pageList(pages: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < pages.length;) {
    let j = i;
    while (j + 1 < pages.length && pages[j + 1] === pages[j]! + 1) j++;
    parts.push(j > i ? `${pages[i]}–${pages[j]}` : `${pages[i]}`);
    i = j + 1;
  }
  return parts.join(', ');
}

type Block = { top: number; kind: 'line'; line: PdfLine } | { top: number; kind: 'table'; table: RuledTable };

/**
 * One page's cells in reading order. x and width are in half-ems of the page's usual type size (about one
 * character slot, as in layout text), so positions compare like those of `pdftotext -layout` lines.
 */
function pageCells(page: PdfPage, tables: RuledTable[], lines: PdfLine[]): TextCell[] {
  const unit = median(page.texts.map((t) => t.size)) / 2;
  const blocks: Block[] = [
    ...tables.map((table): Block => ({ top: table.box.top, kind: 'table', table })),
    ...lines.map((line): Block => ({ top: line.top, kind: 'line', line })),
  ].sort((a, b) => a.top - b.top);
  const cells: TextCell[] = [];
  for (const block of blocks) {
    const row: TextCell[][] = block.kind === 'line'
      ? [pieces(block.line).map((p) => ({
          text: p.text,
          at: { page: page.number, x: round(p.x), y: round(p.baseline - p.size * 0.88) },
          x: p.x / unit,
          width: p.width / unit,
        }))]
      : block.table.rows.map((r) => r.map((c) => ({
          text: c.text,
          at: { page: page.number, x: round(c.x), y: round(c.y) },
          x: c.box.left / unit,
          width: (c.box.right - c.box.left) / unit,
        })));
    for (const r of row) {
      if (r.length === 0) continue;
      r[r.length - 1]!.rowEnd = true;
      cells.push(...r);
    }
  }
  return cells;
}

interface Laid {
  tables: RuledTable[];
  lines: PdfLine[];
}

/** A page that ends with a table, followed by a page that starts with one on the same columns: one table. */
function joinAcrossPages(pages: readonly Laid[]): void {
  for (let k = 1; k < pages.length; k++) {
    const [before, after] = [pages[k - 1]!, pages[k]!];
    const last = before.tables.at(-1);
    const first = after.tables[0];
    if (!last || !first) continue;
    const endsWithTable = before.lines.every((l) => l.top < last.box.top);
    const startsWithTable = after.lines.every((l) => l.top > first.box.top);
    if (endsWithTable && startsWithTable && sameColumns(last, first)) joinContinued(last, first);
  }
}

/** The PDF's Info /Title, trimmed; undefined when absent or unreadable. */
async function documentTitle(doc: PDFDocumentProxy): Promise<string | undefined> {
  const meta = await doc.getMetadata().catch(() => null);
  const title = (meta?.info as { Title?: unknown } | undefined)?.Title;
  return typeof title === 'string' && title.trim() !== '' ? title.trim() : undefined;
}

/** Read a PDF's pages into cells. Throws InputError for scans, encrypted, damaged or truncated files. */
export function readPdf(bytes: Uint8Array, name: string, limits?: ReadLimits): Promise<PdfCells> {
  return withStrayRejectionsIgnored(() => readPdfPages(bytes, name, limits));
}

async function readPdfPages(bytes: Uint8Array, name: string, limits?: ReadLimits): Promise<PdfCells> {
  const doc = await openPdf(bytes, name, limits);
  try {
    const pages = await readPages(doc, name, limits);
    const scannedPages = pages.filter((p) => p.texts.length === 0 && p.images > 0).map((p) => p.number);
    if (pages.every((p) => p.texts.length === 0)) {
      throw new InputError(
        scannedPages.length > 0
          ? `scanned PDF, no text layer: page${scannedPages.length > 1 ? 's' : ''} ${pageList(scannedPages)} ` +
              `of ${pages.length} hold${scannedPages.length > 1 ? '' : 's'} only images; expected a PDF with text ` +
              '(run OCR on it first, or read the report from its web page)'
          : `no text in this PDF (${pages.length} page${pages.length === 1 ? '' : 's'}): expected an annual report`,
        name,
      );
    }
    const laid = pages.map((page) => {
      const tables = ruledTables(page.rules, page.texts);
      const taken = new Set<PdfText>(tables.flatMap((t) => [...t.taken]));
      return { page, tables, lines: groupLines(page.texts.filter((t) => !taken.has(t))) };
    });
    const drop = furniture(laid.map((l) => ({ number: l.page.number, height: l.page.height, lines: l.lines })));
    const kept = laid.map((l) => ({ ...l, lines: l.lines.filter((line) => !drop.has(line)) }));
    joinAcrossPages(kept);
    const cells = kept.flatMap((l) => pageCells(l.page, l.tables, l.lines));
    const title = await documentTitle(doc);
    return { cells, pages: pages.length, scannedPages, ...(title ? { title } : {}) };
  } finally {
    await doc.destroy();
  }
}
