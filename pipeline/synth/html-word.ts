/**
 * The HTML Word writes when a report is saved as a web page: MsoNormal paragraphs, runs as spans (宋体 for Chinese,
 * lang=EN-US for digits, a number now and then split across two spans), <o:p></o:p> paragraph marks, mso
 * conditional comments, CRLF line ends and source lines wrapped at about 76 characters.
 */
import type { Block, DocText } from './doc-text.ts';
import type { Grid } from './grid.ts';
import { escapeHtml } from './html-chrome.ts';
import { type PrintStyle, printValue } from './print.ts';
import type { Rng } from './prng.ts';
import { wordHead } from './html-word-head.ts';
import { FOOTNOTE } from './variants.ts';

const BODY_FONT = "font-size:16.0pt;font-family:仿宋_GB2312;mso-hansi-font-family:\"Times New Roman\"";

/** Runs of one text: Chinese runs in the paragraph's span, ASCII runs (digits, Latin) in lang=EN-US spans. */
function runs(rng: Rng, text: string): string {
  const attr = '';
  return text.replace(/[\x21-\x7e]+|[^\x21-\x7e]+/g, (run) => {
    if (!/^[\x21-\x7e]+$/.test(run)) return escapeHtml(run);
    const esc = escapeHtml(run);
    if (/^\d{2,}$/.test(run) && rng.chance(0.2)) {
      // Word splits a number where an edit or a spell-check mark fell: <span>1</span><span>05</span>
      const cut = rng.int(1, run.length - 1);
      return `<span lang=EN-US${attr}>${run.slice(0, cut)}</span><span lang=EN-US${attr}>${run.slice(cut)}</span>`;
    }
    return `<span lang=EN-US${attr}>${esc}</span>`;
  });
}

function paragraph(rng: Rng, b: Block): string {
  const indent = b.kind === 'h1' ? 'text-indent:32.0pt;' : 'text-indent:32.0pt;';
  const font = b.kind === 'h1' ? "font-size:16.0pt;font-family:黑体" : b.kind === 'h2' ? "font-size:16.0pt;font-family:楷体_GB2312" : BODY_FONT;
  return `<p class=MsoNormal style='${indent}line-height:28.0pt;mso-line-height-rule:exactly'><span style='${font}'>${runs(rng, b.text)}<span lang=EN-US><o:p></o:p></span></span></p>`;
}

function cellMarkup(rng: Rng, grid: Grid, style: PrintStyle, trailer: boolean, footerRow: boolean): string[] {
  const out: string[] = [];
  const width = Math.round(605 / grid.columns);
  grid.rows.forEach((row, r) => {
    // A page number pasted into the table, as a row of its own before table 三's last row (variants.ts).
    if (footerRow && grid.table === 'applications' && r === grid.rows.length - 1) {
      out.push(` <tr><td colspan=${grid.columns}><p class=MsoNormal align=center style='text-align:center'><span lang=EN-US>- 2 -<o:p></o:p></span></p></td></tr>`);
    }
    const first = r === 0 ? 'mso-yfti-firstrow:yes;' : '';
    const last = r === grid.rows.length - 1 ? 'mso-yfti-lastrow:yes;' : '';
    out.push(` <tr style='mso-yfti-irow:${r};${first}${last}height:${rng.pick(['20.25', '22.5', '28.35'])}pt'>`);
    for (const cell of row) {
      const span = (cell.colspan > 1 ? ` colspan=${cell.colspan}` : '') + (cell.rowspan > 1 ? ` rowspan=${cell.rowspan}` : '');
      const w = width * cell.colspan;
      const border = r === 0 ? 'border:solid windowtext 1.0pt' : 'border:solid windowtext 1.0pt;border-top:none';
      out.push(`  <td width=${w}${span} style='width:${(w * 0.75).toFixed(1)}pt;${border};padding:0cm 5.4pt 0cm 5.4pt'>`);
      let inner: string;
      if (cell.kind === 'value') {
        const printed = printValue(grid.table, cell.ref!.column, cell.value ?? null, style, cell.ref!.row);
        inner = printed === ''
          ? '<span lang=EN-US><o:p>&nbsp;</o:p></span>'
          : /^[\x21-\x7e]+$/.test(printed)
            ? runs(rng, printed).replace(/<\/span>$/, '<o:p></o:p></span>')
            : `<span style='font-family:宋体'>${runs(rng, printed)}</span><span lang=EN-US><o:p></o:p></span>`;
        out.push(`  <p class=MsoNormal align=center style='text-align:center'>${inner}</p>`, '  </td>');
      } else {
        inner = `<span style='font-family:宋体'>${runs(rng, cell.text)}</span><span lang=EN-US><o:p></o:p></span>`;
        out.push(cell.kind === 'label' ? `  <p class=MsoNormal>${inner}</p>` : `  <p class=MsoNormal align=center style='text-align:center'>${inner}</p>`, '  </td>');
      }
    }
    out.push(' </tr>');
  });
  if (!trailer) return out;
  // Word's trailer row: one empty cell per grid column, inside a downlevel-revealed conditional.
  out.push(' <![if !supportMisalignedColumns]>', ' <tr height=0>');
  for (let c = 0; c < grid.columns; c++) out.push(`  <td width=${width} style='border:none'></td>`);
  out.push(' </tr>', ' <![endif]>');
  return out;
}

function table(rng: Rng, grid: Grid, style: PrintStyle, trailer: boolean, footerRow: boolean): string {
  return [
    '<div align=center>',
    '',
    "<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0 width=605 style='width:453.6pt;border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt;mso-yfti-tbllook:1184;mso-padding-alt:0cm 5.4pt 0cm 5.4pt'>",
    ...cellMarkup(rng, grid, style, trailer, footerRow),
    '</table>',
    '',
    '</div>',
  ].join('\n');
}

/** Break source lines longer than `width` as Word does: at spaces between attributes, or between Chinese characters. */
function wrapSource(html: string, width = 76): string {
  const out: string[] = [];
  for (const line of html.split('\n')) {
    // Where the line may break: a space inside a tag (not inside a quoted value), or between two Chinese characters.
    const can: boolean[] = [];
    let inTag = false;
    let quote = '';
    for (let i = 0; i < line.length; i++) {
      const ch = line[i]!;
      can.push(inTag ? !quote && ch === ' ' : /[\u4e00-\u9fff]/.test(ch) && /[\u4e00-\u9fff]/.test(line[i - 1] ?? ''));
      if (quote) { if (ch === quote) quote = ''; }
      else if (inTag && (ch === "'" || ch === '"')) quote = ch;
      else if (ch === '<') inTag = true;
      else if (ch === '>') inTag = false;
    }
    let start = 0;
    while (line.length - start > width) {
      let cut = -1;
      for (let i = start + 1; i < line.length && (cut === -1 || i <= start + width); i++) if (can[i]) cut = i;
      if (cut === -1) break;
      out.push(line.slice(start, cut));
      start = line[cut] === ' ' ? cut + 1 : cut;
    }
    out.push(line.slice(start));
  }
  return out.join('\r\n');
}

/** The body markup (WordSection1), as pasted into a CMS or as the <body> of the saved file. */
export function wordBody(rng: Rng, text: DocText, grids: Grid[], style: PrintStyle, trailer = true, footerRow = false): string {
  const parts = [
    "<div class=WordSection1 style='layout-grid:15.6pt'>",
    '',
    ...text.heading.flatMap((line) => [
      `<p class=MsoNormal align=center style='text-align:center;line-height:28.0pt;mso-line-height-rule:exactly'><span style='font-size:22.0pt;font-family:方正小标宋简体'>${runs(rng, line)}<span lang=EN-US><o:p></o:p></span></span></p>`,
      '',
    ]),
    `<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>`,
    '',
    ...text.before.flatMap((b) => [paragraph(rng, b), '']),
  ];
  grids.forEach((grid, i) => {
    if (i === 1) parts.push("<span lang=EN-US style='font-size:10.5pt;font-family:\"Calibri\",sans-serif'><br clear=all style='page-break-before:always'>", '</span>', '');
    parts.push(paragraph(rng, { kind: 'h1', text: text.tableHeadings[grid.table] }), '', table(rng, grid, style, trailer, footerRow), '');
    if (grid.table === 'applications' && style.note === 'mark') parts.push(paragraph(rng, { kind: 'p', text: FOOTNOTE }), '');
  });
  parts.push(...text.after.flatMap((b) => [paragraph(rng, b), '']));
  parts.push(`<p class=MsoNormal align=right style='text-align:right'><span style='${BODY_FONT}'>${runs(rng, text.agency)}<span lang=EN-US><o:p></o:p></span></span></p>`, '');
  if (text.date) parts.push(`<p class=MsoNormal align=right style='text-align:right'><span style='${BODY_FONT}'>${runs(rng, text.date)}<span lang=EN-US><o:p></o:p></span></span></p>`, '');
  parts.push('</div>', '');
  return wrapSource(parts.join('\n'));
}

/** A whole Word-saved .htm file. */
export function wordDocument(rng: Rng, text: DocText, grids: Grid[], style: PrintStyle, declareCharset: boolean, trailer = true, footerRow = false): string {
  const head = wordHead(rng, text.fullTitle, declareCharset);
  return `${head}\r\n${wordBody(rng, text, grids, style, trailer, footerRow)}\r\n</body>\r\n\r\n</html>\r\n`;
}
