/**
 * A real Word .docx (made with the `docx` package): title, narrative, and the three tables as Word tables with
 * merged cells (gridSpan for colspan, vMerge restart/continue for rowspan), a page-number footer. Numbers are now
 * and then split across two runs, as Word leaves them after edits. Async: the package zips asynchronously.
 * The zip is re-packed with fixed file dates and document dates, so the same report always gives the same bytes.
 */
import {
  AlignmentType, BorderStyle, Document, Footer, Packer, PageNumber, Paragraph, Table, TableCell, TableRow, TextRun,
  VerticalAlign, VerticalMergeType, WidthType,
} from 'docx';
import JSZip from 'jszip';
import { TABLE_IDS } from '../model/template.ts';
import { type Block, docText } from './doc-text.ts';
import { narrativeFigures } from './generate.ts';
import { type OfficePage, officeColumns } from './office-page.ts';
import { buildGrid, expandGrid, type Grid, type Labels } from './grid.ts';
import { drawPrintStyle, type PrintStyle, printValue, unitRng } from './print.ts';
import { renderRng, type Rng } from './prng.ts';
import type { CompactReport, NarrativeFigures } from './types.ts';
import { drawVariants, FOOTNOTE, type Variants } from './variants.ts';
import { wrapChars } from './wrap.ts';

export interface DocxRenderOptions {
  narrative?: NarrativeFigures;
  seed?: number;
  /** Force variants (variants.ts); the others are drawn. */
  variants?: Partial<Variants>;
  /** Lay the report out as for printing to PDF from an office suite: page, narrow columns, an open table side. */
  office?: OfficePage;
}

const BODY = { font: '仿宋_GB2312', size: 32 };
const CELL = { font: '宋体', size: 21 };

function paragraph(b: Block): Paragraph {
  const font = b.kind === 'h1' ? '黑体' : b.kind === 'h2' ? '楷体_GB2312' : BODY.font;
  return new Paragraph({
    indent: { firstLine: 640 },
    spacing: { line: 560, lineRule: 'exact' },
    children: [new TextRun({ text: b.text, font, size: BODY.size })],
  });
}

function cellRuns(rng: Rng, text: string, font = CELL): TextRun[] {
  if (/^\d{2,}$/.test(text) && rng.chance(0.2)) {
    const cut = rng.int(1, text.length - 1);
    return [new TextRun({ text: text.slice(0, cut), ...font }), new TextRun({ text: text.slice(cut), ...font })];
  }
  return text === '' ? [] : [new TextRun({ text, ...font })];
}

/** Table 三's label columns, drawn narrow for an office-suite print. */
const LABEL_COLUMNS: Partial<Record<string, number>> = { applications: 3 };

/** A header's text as two or three paragraphs of its cell ("本年制发" / "件数"). */
function headerLines(text: string): string[] {
  const n = [...text].length;
  return n < 4 ? [text] : wrapChars(text, Math.max(2, Math.ceil(n / (n > 8 ? 3 : 2))));
}

function wordTable(rng: Rng, grid: Grid, style: PrintStyle, variants: Variants, office?: OfficePage): Table {
  const colWidth = Math.floor(9000 / grid.columns);
  const textWidth = office ? office.page.width - office.page.margin.left - office.page.margin.right : 0;
  const widths = office ? officeColumns(office, textWidth, grid.columns, LABEL_COLUMNS[grid.table] ?? 0) : Array.from({ length: grid.columns }, () => colWidth);
  const span = (col: number, n: number): number => widths.slice(col, col + n).reduce((a, b) => a + b, 0);
  const font = office ? { ...CELL, size: office.cellSize } : CELL;
  const rows = expandGrid(grid).map((placed) => new TableRow({
    children: placed.map(({ cell, col, continuation }) => {
      let text = '';
      if (!continuation) text = cell.kind === 'value' ? printValue(grid.table, cell.ref!.column, cell.value ?? null, style, cell.ref!.row) : cell.text;
      const lines = variants.headerParagraphs && cell.kind === 'header' && !continuation ? headerLines(text) : [text];
      return new TableCell({
        columnSpan: cell.colspan > 1 ? cell.colspan : undefined,
        verticalMerge: cell.rowspan > 1 ? (continuation ? VerticalMergeType.CONTINUE : VerticalMergeType.RESTART) : undefined,
        verticalAlign: VerticalAlign.CENTER,
        width: { size: span(col, cell.colspan), type: WidthType.DXA },
        children: lines.map((line) => new Paragraph({
          alignment: cell.kind === 'label' ? AlignmentType.LEFT : AlignmentType.CENTER,
          children: cellRuns(rng, line, font),
        })),
      });
    }),
  }));
  // A page number pasted into the table, as a row of its own before table 三's last row.
  if (variants.footerRow && grid.table === 'applications') {
    rows.splice(rows.length - 1, 0, new TableRow({
      children: [new TableCell({
        columnSpan: grid.columns,
        width: { size: span(0, grid.columns), type: WidthType.DXA },
        children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: '- 2 -', ...font })] })],
      })],
    }));
  }
  const none = { style: BorderStyle.NONE, size: 0, color: 'auto' };
  return new Table({
    rows,
    width: { size: span(0, grid.columns), type: WidthType.DXA },
    columnWidths: widths,
    ...(office?.openSide ? { borders: { [office.openSide]: none } } : {}),
  });
}

/** Re-pack a zip with fixed dates so that equal content gives equal bytes. */
async function repack(bytes: Uint8Array, date: Date): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new JSZip();
  const iso = date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  for (const name of Object.keys(zip.files).sort()) {
    const file = zip.files[name]!;
    if (file.dir) continue;
    let content: string | Uint8Array = await file.async('uint8array');
    if (name === 'docProps/core.xml') {
      content = new TextDecoder().decode(content)
        .replace(/(<dcterms:created[^>]*>)[^<]*/, `$1${iso}`)
        .replace(/(<dcterms:modified[^>]*>)[^<]*/, `$1${iso}`);
    }
    out.file(name, content, { date, createFolders: false });
  }
  return out.generateAsync({ type: 'uint8array', compression: 'DEFLATE', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
}

export async function renderDocx(values: CompactReport, opts: DocxRenderOptions = {}): Promise<Uint8Array> {
  const rng = renderRng(values, 'docx', opts.seed);
  const variants = drawVariants(values, 'docx', opts.seed, opts.variants);
  const style = drawPrintStyle(rng, unitRng(values, 'docx', opts.seed), variants);
  const text = docText(values, opts.narrative ?? narrativeFigures(values), variants);
  const numbering = rng.chance(0.2) ? '、' : '.';
  const title = (t: string): Paragraph => new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { line: 560, lineRule: 'exact' },
    children: [new TextRun({ text: t, font: '方正小标宋简体', size: 44 })],
  });
  const children: Array<Paragraph | Table> = [...text.heading.map(title), new Paragraph({}), ...text.before.map(paragraph)];
  for (const id of TABLE_IDS) {
    children.push(paragraph({ kind: 'h1', text: text.tableHeadings[id] }));
    // Headers over two rows of cells are a copied or converted table's (variants.ts), not printed in the office-suite
    // layouts (office-page.ts), whose PDFs test the layout readers as they were drawn.
    const splitHeaders = variants.splitHeaders && !opts.office;
    const labels: Labels = { numbering, statedYuan: style.statedYuan, strayHeader: style.strayHeader, otherWording: variants.otherWording, splitHeaders };
    children.push(wordTable(rng, buildGrid(id, values.edition, values.tables[id], labels), style, variants, opts.office));
    if (id === 'applications' && style.note === 'mark') children.push(paragraph({ kind: 'p', text: FOOTNOTE }));
  }
  children.push(...text.after.map(paragraph));
  const right = (t: string): Paragraph => new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: t, ...BODY })] });
  children.push(new Paragraph({}), right(text.agency));
  if (text.date) children.push(right(text.date));
  const doc = new Document({
    creator: values.agency,
    title: text.fullTitle,
    lastModifiedBy: values.agency,
    revision: 1,
    sections: [{
      properties: { page: opts.office ? { size: { width: opts.office.page.width, height: opts.office.page.height }, margin: opts.office.page.margin } : { size: { width: 11906, height: 16838 }, margin: { top: 2098, bottom: 1984, left: 1531, right: 1531 } } },
      footers: {
        default: new Footer({
          children: [new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ children: ['- ', PageNumber.CURRENT, ' -'], font: '宋体', size: 28 })],
          })],
        }),
      },
      children,
    }],
  });
  const packed = await Packer.toBuffer(doc);
  const date = new Date(`${values.published ?? `${values.year + 1}-01-01`}T09:00:00Z`);
  return repack(new Uint8Array(packed.buffer, packed.byteOffset, packed.length), date);
}
