/**
 * pdf.js's data files are read for it without I/O in flight (pipeline/ingest/pdf-data-files.ts): a page stopped at a
 * limit must not leave a read whose end lets pdf.js reject a promise after the read is over (a CI run failed so).
 */
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { CMapFiles, StandardFontFiles } from '../../pipeline/ingest/pdf-data-files.ts';

const PDFJS = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

/** Whether the promise has settled before the event loop's next turn (no I/O can have ended by then). */
async function settlesAtOnce(p: Promise<unknown>): Promise<boolean> {
  let settled = false;
  p.then(() => (settled = true), () => (settled = true));
  await new Promise((resolve) => setImmediate(resolve));
  return settled;
}

test('a standard font and a CMap are given to pdf.js before the event loop turns, and equal the files', async () => {
  const fonts = new StandardFontFiles({ baseUrl: `${join(PDFJS, 'standard_fonts')}/` });
  const font = fonts.fetch({ filename: 'LiberationSans-Regular.ttf' });
  assert.ok(await settlesAtOnce(font));
  const { readFileSync } = await import('node:fs');
  assert.deepEqual(await font, new Uint8Array(readFileSync(join(PDFJS, 'standard_fonts', 'LiberationSans-Regular.ttf'))));
  const cmaps = new CMapFiles({ baseUrl: `${join(PDFJS, 'cmaps')}/`, isCompressed: true });
  const cmap = cmaps.fetch({ name: 'UniGB-UCS2-H' });
  assert.ok(await settlesAtOnce(cmap));
  assert.equal((await cmap).isCompressed, true);
  assert.ok((await cmap).cMapData.length > 0);
});

test('each call gets its own copy (pdf.js may detach what it is given), and a missing file is pdf.js\'s own error', async () => {
  const fonts = new StandardFontFiles({ baseUrl: `${join(PDFJS, 'standard_fonts')}/` });
  const a = await fonts.fetch({ filename: 'FoxitFixed.pfb' });
  const b = await fonts.fetch({ filename: 'FoxitFixed.pfb' });
  assert.notEqual(a.buffer, b.buffer);
  assert.deepEqual(a, b);
  await assert.rejects(fonts.fetch({ filename: 'no-such-font.ttf' }), /Unable to load font data at: .*no-such-font\.ttf/);
  await assert.rejects(new CMapFiles({ baseUrl: `${join(PDFJS, 'cmaps')}/` }).fetch({ name: 'No-Such-CMap' }), /Unable to load binary CMap at: .*No-Such-CMap\.bcmap/);
});
