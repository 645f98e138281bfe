/**
 * A legacy Word .doc (Word 97–2003), or a WPS Office .wps saved in the same binary format → cells, the same as
 * from the .docx of the same report: cfb opens the OLE2 container, doc-binary reads the paragraphs and their
 * table marks, cells covered by a merge are dropped (as Word's .docx leaves them out), and the result goes
 * through the HTML reader like mammoth's output for a .docx. Anything else in an OLE2 container (an old WPS or
 * Works file without a WordDocument stream, Excel, PowerPoint) is an InputError saying what it is and what to do.
 */
import CFB from 'cfb';
import { InputError } from '../errors.ts';
import { readDocParagraphs, type DocParagraph } from './doc-binary.ts';
import { readHtml } from './html.ts';
import type { TextCell } from './types.ts';

export { DOC_MEDIA_TYPE } from './types.ts';
/** Resource limits: the largest file read, and the most paragraphs (an annual report has a few hundred). */
export const MAX_DOC_BYTES = 64 * 1024 * 1024;
const MAX_PARAGRAPHS = 200_000;

const SAVE_AS = 'open it in Word, WPS Office or LibreOffice and save it as .docx';

/** What an OLE2 file holds when it is not a Word document, told by its streams. */
function otherKind(names: Set<string>): string {
  if (names.has('Workbook') || names.has('Book')) return 'an Excel workbook (.xls), not a Word document';
  if (names.has('PowerPoint Document')) return 'a PowerPoint presentation (.ppt), not a Word document';
  if (names.has('CONTENTS') || names.has('WksSSWorkBook') || names.has('MatOST')) {
    return 'a WPS Office or Microsoft Works file in an old format (no WordDocument stream), which xxgk cannot read';
  }
  return 'an OLE2 compound file without a WordDocument stream (not a Word .doc, nor a .wps in Word format)';
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\n/g, '<br />');
}

const paragraphHtml = (text: string): string => `<p>${escapeHtml(text)}</p>`;

/**
 * Paragraphs → HTML: a table cell ends at a cell mark, a row at a row-end mark (TTP); cells a merge covers are
 * dropped. Tables nested in cells are read as the paragraphs of their cell.
 */
function toHtml(paragraphs: DocParagraph[]): string {
  const out: string[] = [];
  let row: string[][] = [];
  let cell: string[] = [];
  let inTable = false;
  for (const p of paragraphs) {
    const tabled = p.props.inTable || p.props.depth >= 1;
    if (!tabled) {
      if (inTable) out.push('</table>');
      inTable = false;
      if (cell.length > 0 || row.length > 0) out.push(...row.flat(), ...cell);
      row = [];
      cell = [];
      out.push(paragraphHtml(p.text));
      continue;
    }
    if (!inTable) out.push('<table>');
    inTable = true;
    if (p.mark === '\u0007' && p.props.rowEnd && p.props.depth <= 1) {
      const kept = row.filter((_, i) => p.props.covered[i] !== true);
      out.push(`<tr>${kept.map((c) => `<td>${c.join('')}</td>`).join('')}</tr>`);
      row = [];
      cell = [];
    } else if (p.mark === '\u0007' && p.props.depth <= 1) {
      cell.push(paragraphHtml(p.text));
      row.push(cell);
      cell = [];
    } else {
      cell.push(paragraphHtml(p.text));
    }
  }
  if (inTable) out.push('</table>');
  out.push(...row.flat(), ...cell);
  return `<html><body>${out.join('')}</body></html>`;
}

function streamBytes(container: CFB.CFB$Container, name: string): Uint8Array | undefined {
  const entry = CFB.find(container, name);
  if (entry === null || entry.type !== 2) return undefined;
  const content = entry.content as Uint8Array | number[];
  return content instanceof Uint8Array ? content : Uint8Array.from(content);
}

export function readDoc(bytes: Uint8Array, file: string): TextCell[] {
  if (bytes.length > MAX_DOC_BYTES) {
    throw new InputError(`a legacy Word file of ${bytes.length} bytes is larger than the ${MAX_DOC_BYTES}-byte limit`, file);
  }
  let container: CFB.CFB$Container;
  try {
    container = CFB.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { type: 'buffer' });
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new InputError(`unreadable legacy Office file (OLE2 container: ${reason}): ${SAVE_AS}`, file);
  }
  const word = streamBytes(container, 'WordDocument');
  if (word === undefined) {
    const names = new Set(container.FileIndex.map((e) => e.name));
    throw new InputError(`${otherKind(names)}: ${SAVE_AS}`, file);
  }
  let paragraphs: DocParagraph[];
  try {
    paragraphs = readDocParagraphs(
      { word, table: (name) => streamBytes(container, name), data: streamBytes(container, 'Data') },
      MAX_PARAGRAPHS,
    );
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new InputError(`unreadable Word .doc/.wps (${reason}): ${SAVE_AS}`, file);
  }
  return readHtml(toHtml(paragraphs), { lines: false });
}
