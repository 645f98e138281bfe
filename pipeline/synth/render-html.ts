/**
 * HTML: a report as an agency's website shows it — page chrome (nav menu, breadcrumb, footer) around the article,
 * tables with the template's rowspan/colspan headers and &nbsp; in cells. `wordExport` gives the markup Word writes
 * ("Save as Web Page"): MsoNormal paragraphs, 宋体 spans, numbers split across spans, <o:p></o:p>, mso conditional
 * comments; standalone, or inside the site's page with `chrome`.
 */
import { TABLE_IDS } from '../model/template.ts';
import { type Block, docText } from './doc-text.ts';
import { encodeText, type TextEncoding } from './encode.ts';
import { narrativeFigures } from './generate.ts';
import { buildGrid, type Grid } from './grid.ts';
import { unmergeGrid } from './unmerge-grid.ts';
import { escapeHtml, pageChrome } from './html-chrome.ts';
import { wordBody, wordDocument } from './html-word.ts';
import { drawPrintStyle, type PrintStyle, printValue, unitRng } from './print.ts';
import { renderRng, type Rng } from './prng.ts';
import type { CompactReport, NarrativeFigures } from './types.ts';
import { drawVariants, FOOTNOTE, type Variants } from './variants.ts';
import { maybeWrap, wrapChars } from './wrap.ts';

export interface HtmlRenderOptions {
  narrative?: NarrativeFigures;
  seed?: number;
  /** Word-exported markup instead of a CMS editor's. */
  wordExport?: boolean;
  /** Put the page chrome around the article (default: true, except for Word export). */
  chrome?: boolean;
  /** Word export: end each table with Word's <tr height=0> row of empty cells (default: true, as Word does). */
  wordTrailerRow?: boolean;
  /** 'gbk': bytes in GBK, with no charset declared anywhere. */
  encoding?: TextEncoding;
  /** Force variants (variants.ts); the others are drawn. */
  variants?: Partial<Variants>;
}

function cmsParagraph(rng: Rng, b: Block): string {
  const text = escapeHtml(b.text);
  if (b.kind === 'h1') return `<p style="text-indent: 2em;"><strong>${text}</strong></p>`;
  if (b.kind === 'h2') return rng.chance(0.5) ? `<p style="text-indent: 2em;"><strong>${text}</strong></p>` : `<p style="text-indent: 2em;">${text}</p>`;
  return `<p style="text-indent: 2em;">${text}</p>`;
}

/** A header's text as two or three paragraphs of its cell ("本年制发" / "件数"). */
function paragraphs(text: string): string {
  const n = [...text].length;
  const lines = n < 4 ? [text] : wrapChars(text, Math.max(2, Math.ceil(n / (n > 8 ? 3 : 2))));
  return lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('');
}

function cmsTable(rng: Rng, grid: Grid, style: PrintStyle, variants: Variants): string {
  const wrapInP = rng.chance(0.5);
  const tdStyle = rng.pick(['', ' style="word-break: break-all;"', ' valign="middle"']);
  const out = ['<table border="1" cellspacing="0" cellpadding="0" width="100%" style="border-collapse: collapse;">', '<tbody>'];
  grid.rows.forEach((row, r) => {
    // A page number pasted into the table, as a row of its own before table 三's last row.
    if (variants.footerRow && grid.table === 'applications' && r === grid.rows.length - 1) {
      out.push(`<tr><td colspan="${grid.columns}" align="center">- 2 -</td></tr>`);
    }
    out.push('<tr>');
    for (const cell of row) {
      const span = (cell.colspan > 1 ? ` colspan="${cell.colspan}"` : '') + (cell.rowspan > 1 ? ` rowspan="${cell.rowspan}"` : '');
      let inner: string;
      if (cell.kind === 'value') {
        const printed = escapeHtml(printValue(grid.table, cell.ref!.column, cell.value ?? null, style, cell.ref!.row));
        inner = printed === '' ? '&nbsp;' : rng.chance(0.05) ? `&nbsp;${printed}` : printed;
      } else {
        inner = maybeWrap(rng, cell.text, cell.kind === 'header' ? 0.15 : 0.05).map(escapeHtml).join('<br />');
        if (cell.kind === 'heading' || (cell.kind === 'header' && rng.chance(0.3))) inner = `<strong>${inner}</strong>`;
      }
      const align = cell.kind === 'label' ? 'left' : 'center';
      if (variants.headerParagraphs && cell.kind === 'header') {
        out.push(`<td${span}${tdStyle} align="center">${paragraphs(cell.text)}</td>`);
        continue;
      }
      out.push(wrapInP ? `<td${span}${tdStyle}><p style="text-align: ${align};">${inner}</p></td>` : `<td${span}${tdStyle} align="${align}">${inner}</td>`);
    }
    out.push('</tr>');
  });
  out.push('</tbody>', '</table>');
  return out.join('\n');
}

function cmsBody(rng: Rng, grids: Grid[], text: ReturnType<typeof docText>, style: PrintStyle, variants: Variants): string {
  const parts: string[] = [];
  if (rng.chance(0.5)) parts.push(...text.heading.map((line) => `<p style="text-align: center;"><strong>${escapeHtml(line)}</strong></p>`));
  parts.push(...text.before.map((b) => cmsParagraph(rng, b)));
  for (const grid of grids) {
    parts.push(cmsParagraph(rng, { kind: 'h1', text: text.tableHeadings[grid.table] }));
    parts.push(cmsTable(rng, grid, style, variants));
    if (grid.table === 'applications' && style.note === 'mark') parts.push(`<p>${escapeHtml(FOOTNOTE)}</p>`);
  }
  parts.push(...text.after.map((b) => cmsParagraph(rng, b)));
  parts.push(`<p style="text-align: right;">${escapeHtml(text.agency)}</p>`);
  if (text.date) parts.push(`<p style="text-align: right;">${escapeHtml(text.date)}</p>`);
  return parts.join('\n');
}

export function renderHtml(values: CompactReport, opts: HtmlRenderOptions = {}): string | Uint8Array {
  const rendering = opts.wordExport ? 'html-word' : 'html';
  const rng = renderRng(values, rendering, opts.seed);
  const variants = drawVariants(values, rendering, opts.seed, opts.variants);
  const style = drawPrintStyle(rng, unitRng(values, rendering, opts.seed), variants);
  const text = docText(values, opts.narrative ?? narrativeFigures(values), variants);
  const numbering = rng.chance(0.2) ? '、' : '.';
  const grids = TABLE_IDS.map((id) => buildGrid(id, values.edition, values.tables[id], {
    numbering, statedYuan: style.statedYuan, strayHeader: style.strayHeader, otherWording: variants.otherWording, splitHeaders: variants.splitHeaders,
  })).map((grid) => (opts.wordExport ? grid : unmergeGrid(grid, variants.unmerged)));
  const chrome = opts.chrome ?? !opts.wordExport;
  const declareCharset = opts.encoding !== 'gbk';
  let html: string;
  if (opts.wordExport && !chrome) {
    html = wordDocument(rng, text, grids, style, declareCharset, opts.wordTrailerRow ?? true, variants.footerRow);
  } else {
    const body = opts.wordExport ? wordBody(rng, text, grids, style, opts.wordTrailerRow ?? true, variants.footerRow) : cmsBody(rng, grids, text, style, variants);
    html = pageChrome({
      agency: values.agency, title: text.fullTitle, date: values.published ?? null, body, declareCharset, rng,
    });
  }
  return encodeText(html, opts.encoding);
}
