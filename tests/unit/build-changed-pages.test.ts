/**
 * The pages a build archived (datasets/archive-writer.ts tarGzFile), read back by build-changed.ts tarEntries so that
 * a year written again takes a kept report's page as it was (issue 13 §5): every entry, name and text, in order; an
 * archive cut short or not gzip stops the read without an error (the pages are then made again).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { folderSink } from '../../pipeline/adapters/output.ts';
import { tarEntries } from '../../pipeline/build-changed.ts';
import { tarGzFile } from '../../pipeline/datasets/archive-writer.ts';
import { scratchDir } from '../helpers/scratch.ts';

async function all(bytes: Uint8Array) {
  const out: Array<{ name: string; text: string }> = [];
  for await (const e of tarEntries(bytes)) out.push(e);
  return out;
}

test('tarEntries reads back what tarGzFile wrote: names (a long one through the ustar prefix) and texts, in order', async () => {
  const dir = scratchDir();
  const pages = Array.from({ length: 200 }, (_, k) => ({
    name: k === 7 ? `reports/2021/${'长'.repeat(40)}/${'r'.repeat(60)}-${k}.html` : `reports/2021/r${k}.html`,
    text: `<p>政府信息公开 ${k}</p>\n`.repeat((k % 9) * 40 + 1),
  }));
  const tar = tarGzFile(folderSink(dir), 'a.tar.gz');
  for (const p of pages) await tar.add(p.name, p.text);
  await tar.close();
  const bytes = readFileSync(join(dir, 'a.tar.gz'));
  assert.deepEqual(await all(bytes), pages);
  // Cut short: the entries read whole before the cut, then the end, no error.
  const cut = await all(bytes.subarray(0, Math.floor(bytes.length / 2)));
  assert.ok(cut.length > 0 && cut.length < pages.length);
  assert.deepEqual(cut, pages.slice(0, cut.length));
  // Not gzip: nothing.
  assert.deepEqual(await all(Buffer.from('<html>not an archive</html>')), []);
});
