/**
 * A Word .docx → cells: mammoth turns it into HTML (tables keep their empty cells as empty <td>), then the HTML
 * reader does the rest. Table cells are located by table/row/cell; generated HTML has no meaningful lines.
 */
import mammoth from 'mammoth';
import { InputError } from '../errors.ts';
import { checkDocxZip } from './docx-zip.ts';
import { readHtml } from './html.ts';
import { READ_LIMITS, type ReadLimits } from './limits.ts';
import type { TextCell } from './types.ts';

export { DOCX_MEDIA_TYPE } from './types.ts';

/** Images are no text: mammoth is told to leave them unread (by default it inlines them as data: URLs). */
const NO_IMAGES = mammoth.images.imgElement(async () => ({ src: '' }));

/**
 * The .docx as HTML, or an InputError when the zip or its XML cannot be read. The zip is checked against
 * limits.maxUnzippedBytes first (docx-zip.ts): mammoth inflates every part whole.
 */
export async function docxToHtml(bytes: Uint8Array, file: string, limits: ReadLimits = READ_LIMITS): Promise<string> {
  try {
    await checkDocxZip(bytes, limits.maxUnzippedBytes);
    const result = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }, { convertImage: NO_IMAGES });
    return result.value;
  } catch (err) {
    if (err instanceof InputError) throw new InputError(err.message, file);
    const reason = err instanceof Error ? err.message : String(err);
    throw new InputError(`unreadable Word .docx (${reason}): expected a .docx saved by Word or WPS`, file);
  }
}

export async function readDocx(bytes: Uint8Array, file: string, limits: ReadLimits = READ_LIMITS): Promise<TextCell[]> {
  return readHtml(await docxToHtml(bytes, file, limits), { lines: false, maxDepth: limits.maxHtmlDepth });
}
