/**
 * Markdown (or plain text) that carries its tables as HTML — what PDF-to-Markdown converters such as MinerU write: a
 * paragraph a line, "# " headings, each table a <table> (rowspan and colspan kept, sometimes inside <html><body>). As
 * a page, its lines outside the tables would run together into one paragraph (HTML joins text lines): each such line
 * is made a paragraph of its own (<p>, on the same line, so that locations stay the text's), the tables kept as they
 * are, and the whole read as a web page (html.ts). Null when the text is not of that kind (an HTML page, or text
 * without a table). Pure.
 */

const PAGE_START = /^(?:<!doctype\s+html|<html\b[^>]*>\s*(?:<head\b|$)|<\?xml\b|<!--|<head\b|<meta\b)/i;
const TABLE_OPEN = /<table\b/gi;
const TABLE_CLOSE = /<\/table\s*>/gi;
/** Block markup of a page: outside the tables, it makes the text a page (MinerU writes none). */
const BLOCK_TAG = /<(?:p|div|span|br|h[1-6]|section|article|li|font|strong|b)\b/i;
/** Lines of text outside the tables: at least this many make the text Markdown with HTML tables, not a page. */
const MIN_TEXT_LINES = 2;

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function htmlOfMarkdownTables(text: string): string | null {
  if (PAGE_START.test(text.trimStart()) || !/<table\b/i.test(text)) return null;
  let depth = 0;
  let textLines = 0;
  let page = false;
  const out = text.split('\n').map((raw) => {
    const line = raw.replace(/\r$/, '');
    const inTable = depth > 0;
    depth = Math.max(0, depth + (line.match(TABLE_OPEN)?.length ?? 0) - (line.match(TABLE_CLOSE)?.length ?? 0));
    if (inTable || line.trim() === '') return line;
    if (/^\s*</.test(line)) {
      // A page's own markup outside its tables (paragraphs, blocks): a page, read as it is.
      if (BLOCK_TAG.test(line.split(/<table\b/i)[0]!)) page = true;
      return line;
    }
    textLines++;
    return `<p>${escapeHtml(line.replace(/^\s*#{1,6}\s+/, ''))}</p>`;
  });
  return !page && textLines >= MIN_TEXT_LINES ? out.join('\n') : null;
}
