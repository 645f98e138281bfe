/**
 * Sums as bits (parse/sum-bits.ts) against the same sums built in a hash set domain by domain (solve-columns-plain.ts reachable): the same members and
 * count, the same "too many" at the same cap, the same bounds, and the same answer to whether two sets meet at an
 * offset, on generated domains (negative figures, spans across words, domains of many values).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { reachable as sumSet } from '../../pipeline/parse/solve-columns-plain.ts';
import { boundBits, hasBit, meetBits, sumBits } from '../../pipeline/parse/sum-bits.ts';

const domains = fc.array(fc.uniqueArray(fc.integer({ min: -40, max: 300 }), { minLength: 2, maxLength: 6 }), { minLength: 1, maxLength: 6 });

test('sumBits: the members, count and cap of the hash-set build', () => {
  fc.assert(fc.property(domains, fc.integer({ min: 1, max: 400 }), (ds, most) => {
    const set = sumSet(ds, most);
    const bits = sumBits(ds, most);
    if (set === null) return assert.equal(bits, null);
    assert.ok(bits);
    assert.equal(bits.size, set.size);
    const lo = Math.min(...set);
    const hi = Math.max(...set);
    assert.deepEqual(boundBits(bits), [lo, hi]);
    for (let x = lo - 40; x <= hi + 40; x++) assert.equal(hasBit(bits, x), set.has(x), `x = ${x}`);
  }), { numRuns: 400, seed: 7 });
});

test('meetBits: whether some a + offset is a member of the other set', () => {
  const answers = new Set<boolean>();
  fc.assert(fc.property(domains, domains, fc.integer({ min: -700, max: 700 }), (da, db, offset) => {
    const a = sumBits(da, 1e6)!;
    const b = sumBits(db, 1e6)!;
    const setB = sumSet(db, 1e6)!;
    const expected = [...sumSet(da, 1e6)!].some((x) => setB.has(x + offset));
    assert.equal(meetBits(a, b, offset), expected);
    answers.add(expected);
  }), { numRuns: 400, seed: 11 });
  assert.deepEqual([...answers].sort(), [false, true]);
});
