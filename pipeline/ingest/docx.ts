/**
 * A Word .docx → cells: mammoth turns it into HTML (tables keep their empty cells as empty <td>), then the HTML
 * reader does the rest. Table cells are located by table/row/cell; generated HTML has no meaningful lines.
 */
import mammoth from 'mammoth';
import { InputError } from '../errors.ts';
import { readHtml } from './html.ts';
import type { TextCell } from './types.ts';

export { DOCX_MEDIA_TYPE } from './types.ts';

/** The .docx as HTML, or an InputError when the zip or its XML cannot be read. */
export async function docxToHtml(bytes: Uint8Array, file: string): Promise<string> {
  try {
    const result = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
    return result.value;
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new InputError(`unreadable Word .docx (${reason}): expected a .docx saved by Word or WPS`, file);
  }
}

export async function readDocx(bytes: Uint8Array, file: string): Promise<TextCell[]> {
  return readHtml(await docxToHtml(bytes, file), { lines: false });
}
