/**
 * Page furniture: page numbers, running headers and footers. They stand in the top or bottom margin of a page;
 * page numbers look like "-3-", "— 3 —", "第3页", "3/6"; headers and footers repeat (digits aside) on several
 * pages. Pure.
 */
import { type PdfLine, lineText } from './pdf-lines.ts';

const PAGE_NUMBER = /^(?:[-－—–_~\s]*[0-9０-９]{1,4}[-－—–_~\s]*|第\s*[0-9０-９]{1,4}\s*页(?:\s*[,，]?\s*共\s*[0-9０-９]{1,4}\s*页)?|[0-9０-９]{1,4}\s*[/／]\s*[0-9０-９]{1,4}|(?:page|p\.)\s*\d{1,4}(?:\s*of\s*\d{1,4})?)$/i;
/** Share of the page height at the top and at the bottom where headers and footers stand. */
const MARGIN = 0.1;

export function isPageNumberText(text: string): boolean {
  return PAGE_NUMBER.test(text.trim());
}

/**
 * A line of two figures or more: a table row's figures, never a running header, though with its digits masked one row
 * of figures repeats another ("8 1 0 0 0 0 9" at the top of page 3, "0 0 0 0 0 0 0" at the top of page 4: a table
 * without rules whose row label wraps above and below its figures, as LibreOffice prints a web page).
 */
function isFigureRow(text: string): boolean {
  const tokens = text.trim().split(/\s+/);
  return tokens.length >= 2 && tokens.every((t) => /^[0-9０-９]+(?:[.,][0-9０-９]+)*$/.test(t));
}

interface Placed {
  page: number;
  height: number;
  line: PdfLine;
}

function inMargin(p: Placed): boolean {
  return p.line.top < p.height * MARGIN || p.line.baseline > p.height * (1 - MARGIN);
}

/**
 * A line's text with digits masked, its type size and its band (top or bottom): what repeats from page to page.
 * (The size keeps a running header apart from the title it repeats in small type on page 1.)
 */
function signature(p: Placed): string {
  const band = p.line.top < p.height * MARGIN ? 'top' : 'bottom';
  const text = lineText(p.line).replace(/[0-9０-９]+/g, '#').replace(/\s+/g, '');
  return `${band}\u0000${Math.round(p.line.size)}\u0000${text}`;
}

/**
 * The lines to drop from each page (by page number): page numbers in the margins, and margin lines that repeat on
 * at least two pages and half the pages of a document with more than one page.
 */
export function furniture(pages: ReadonlyArray<{ number: number; height: number; lines: PdfLine[] }>): Set<PdfLine> {
  const placed: Placed[] = pages.flatMap((p) => p.lines.map((line) => ({ page: p.number, height: p.height, line })));
  const margins = placed.filter(inMargin);
  const drop = new Set<PdfLine>();
  for (const p of margins) if (isPageNumberText(lineText(p.line))) drop.add(p.line);
  if (pages.length > 1) {
    const pagesBySignature = new Map<string, Set<number>>();
    for (const p of margins) {
      const key = signature(p);
      pagesBySignature.set(key, (pagesBySignature.get(key) ?? new Set()).add(p.page));
    }
    const needed = Math.max(2, Math.ceil(pages.length / 2));
    for (const p of margins) if (pagesBySignature.get(signature(p))!.size >= needed && !isFigureRow(lineText(p.line))) drop.add(p.line);
  }
  return drop;
}
