/** Sources are fetched a few at a time: never more than the limit under way, results in order. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mapLimit } from '../../pipeline/schedule/map-limit.ts';

test('mapLimit keeps at most `limit` calls under way and returns results in order', async () => {
  for (const limit of [1, 2, 5]) {
    let running = 0;
    let peak = 0;
    const out = await mapLimit([5, 1, 4, 2, 3, 0], limit, async (ms, i) => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, ms));
      running--;
      return i * 10;
    });
    assert.deepEqual(out, [0, 10, 20, 30, 40, 50]);
    assert.equal(peak, Math.min(limit, 6), `limit ${limit}`);
  }
});

test('mapLimit passes a failure on', async () => {
  await assert.rejects(mapLimit([1, 2, 3], 2, async (x) => {
    if (x === 2) throw new Error('boom');
    return x;
  }), /boom/);
});
