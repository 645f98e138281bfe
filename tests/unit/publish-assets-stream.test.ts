/**
 * A release asset from a file (publish/assets.ts fileAsset): hashed as a stream, its size and sha256 those of the
 * file, its bytes a Blob backed by the file (what the GitHub target uploads); a file changed after it was hashed is
 * refused when it is sent, naming the file, rather than uploaded under the old sha256.
 */
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { rm, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { bytesAsset, fileAsset } from '../../pipeline/publish/assets.ts';
import { PublishError } from '../../pipeline/errors.ts';
import { scratchDir } from '../helpers/scratch.ts';

test('fileAsset: size and sha256 of the file, its bytes from a Blob of the file; a file changed since is refused', async () => {
  const dir = scratchDir('xxgk-asset-');
  try {
    // Several read-stream chunks (64 KiB each).
    const data = randomBytes(300_000);
    const file = join(dir, 'a.ndjson.gz');
    await writeFile(file, data);
    const asset = await fileAsset('xxgk-a-1.0.0.ndjson.gz', 'application/gzip', file);
    assert.equal(asset.size, data.length);
    assert.equal(asset.sha256, createHash('sha256').update(data).digest('hex'));
    const blob = await asset.blob();
    assert.equal(blob.size, data.length);
    assert.ok(Buffer.from(await blob.arrayBuffer()).equals(data));
    // The same figures as the bytes in memory would give.
    const inMemory = bytesAsset(asset.name, asset.contentType, data);
    assert.deepEqual([inMemory.size, inMemory.sha256], [asset.size, asset.sha256]);
    await truncate(file, 1000);
    await assert.rejects(asset.blob(), (err: Error) => err instanceof PublishError && err.message.includes(file) && /300000 bytes hashed, 1000 now/.test(err.message));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
