/** archive-writer.ts: gzip files and tar.gz archives written in chunks through a folder sink. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mock, test } from 'node:test';
import zlib, { gunzipSync, gzipSync } from 'node:zlib';
import { folderSink } from '../../pipeline/adapters/output.ts';
import { GZIP_BLOCK_BYTES, GZIP_LEVEL, GZIP_QUEUE_BYTES, gzipFile, tarGzFile } from '../../pipeline/datasets/archive-writer.ts';
import { scratchDir } from '../helpers/scratch.ts';

/** Rows like a small table's: one chunk a report, a few hundred bytes each. */
const rows = Array.from({ length: 2000 }, (_, k) => `${2021},report-${String(k).padStart(6, '0')},${'申请'.repeat(k % 40)},${k * 7 % 13}\n`);

test('gzipFile gathers small writes into blocks before zlib (each zlib write is a trip through the thread pool), with the bytes of one gzip of the whole', async () => {
  const dir = scratchDir();
  const writes = mock.method(zlib.Gzip.prototype, 'write');
  try {
    const gz = gzipFile(folderSink(dir), 'data/t.csv.gz', 'application/gzip');
    for (const r of rows) await gz.write(r);
    // A chunk larger than a block goes as it is, after what was gathered.
    const big = Buffer.from('x,'.repeat(GZIP_BLOCK_BYTES));
    await gz.write(big);
    await gz.write('tail\n');
    const stat = await gz.close();
    const text = Buffer.concat([Buffer.from(rows.join('')), big, Buffer.from('tail\n')]);
    assert.ok(writes.mock.callCount() <= Math.ceil(text.length / GZIP_BLOCK_BYTES) + 2, `${writes.mock.callCount()} writes to zlib for ${rows.length + 2} chunks`);
    const bytes = readFileSync(join(dir, 'data/t.csv.gz'));
    assert.equal(stat.bytes, bytes.length);
    assert.deepEqual(bytes, gzipSync(text, { level: GZIP_LEVEL }));
    assert.deepEqual(gunzipSync(bytes), text);
  } finally {
    writes.mock.restore();
  }
});

test('gzipFile does not wait for the thread pool while less than GZIP_QUEUE_BYTES wait to be compressed: the main thread goes on meanwhile', async () => {
  const dir = scratchDir();
  const writes = mock.method(zlib.Gzip.prototype, 'write');
  try {
    const gz = gzipFile(folderSink(dir), 'data/t.csv.gz', 'application/gzip');
    const blocks = Math.floor(GZIP_QUEUE_BYTES / GZIP_BLOCK_BYTES / 2);
    assert.ok(blocks >= 4, `${blocks} blocks`);
    // The writes follow one another without a turn of the event loop between them that compression needs.
    const text = Buffer.from(rows.join('').repeat(Math.ceil((blocks * GZIP_BLOCK_BYTES) / rows.join('').length)));
    for (let at = 0; at + GZIP_BLOCK_BYTES <= text.length && at < blocks * GZIP_BLOCK_BYTES; at += GZIP_BLOCK_BYTES) await gz.write(text.subarray(at, at + GZIP_BLOCK_BYTES));
    const results = writes.mock.calls.map((c) => c.result);
    assert.equal(results.length, blocks);
    assert.deepEqual(results, results.map(() => true), 'a write that returned false waited for compression');
    await gz.close();
  } finally {
    writes.mock.restore();
  }
});

test('gzip files are written at zlib\'s default level, 6 (level 9 cost twice the CPU for 2% fewer bytes)', async () => {
  const dir = scratchDir();
  const gz = gzipFile(folderSink(dir), 'data/t.csv.gz', 'application/gzip');
  for (const r of rows) await gz.write(r);
  await gz.close();
  assert.deepEqual(readFileSync(join(dir, 'data/t.csv.gz')), gzipSync(Buffer.from(rows.join('')), { level: 6 }));
});

test('tarGzFile: entries in the order added, each padded to 512 bytes, two empty blocks at the end', async () => {
  const dir = scratchDir();
  const tar = tarGzFile(folderSink(dir), 'a.tar.gz');
  const pages = rows.slice(0, 300).map((r, k) => ({ name: `reports/2021/r${k}.html`, content: `<p>${r}</p>`.repeat(k % 5 + 1) }));
  for (const p of pages) await tar.add(p.name, p.content);
  await tar.close();
  const raw = gunzipSync(readFileSync(join(dir, 'a.tar.gz')));
  let at = 0;
  for (const p of pages) {
    const name = raw.subarray(at, at + 100).toString('utf8').replace(/\0.*$/s, '');
    const size = parseInt(raw.subarray(at + 124, at + 135).toString('ascii'), 8);
    assert.equal(name, p.name);
    assert.equal(raw.subarray(at + 512, at + 512 + size).toString('utf8'), p.content);
    at += 512 + Math.ceil(size / 512) * 512;
  }
  assert.equal(raw.length, at + 1024);
  assert.ok(raw.subarray(at).every((b) => b === 0));
});
