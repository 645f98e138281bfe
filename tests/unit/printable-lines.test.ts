/**
 * printable.ts writeLines: a build's report lines are written a chunk at a time — the same bytes as the lines made
 * printable and joined, never the whole text in one string.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { printableLine, writeLines } from '../../pipeline/printable.ts';

test('writeLines writes what the joined printable lines are, a chunk of lines at a time', () => {
  const lines = Array.from({ length: 2_501 }, (_, i) => `  included body-${i}-2024  机关${i}${i === 7 ? '\n  forged\u202e' : ''} 2024  0 errors, ${i % 3} warnings`);
  const writes: string[] = [];
  writeLines((t) => writes.push(t), lines, 1000);
  assert.equal(writes.join(''), `${lines.map(printableLine).join('\n')}\n`);
  assert.equal(writes.length, 3);
  assert.ok(writes.every((w) => w.split('\n').length - 1 <= 1000), 'no write holds more than a chunk of lines');
  const none: string[] = [];
  writeLines((t) => none.push(t), []);
  assert.deepEqual(none, [`${[].map(printableLine).join('\n')}\n`]);
});
