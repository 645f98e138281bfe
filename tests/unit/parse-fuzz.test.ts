/**
 * Property test: thousands of seeded mutations of a real-shaped report (the seed report from ../shared when it is
 * there, else the tab-separated test report) never make the reader throw anything but an InputError, and what it
 * reads always validates without throwing.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { InputError } from '../../pipeline/errors.ts';
import { readReport } from '../../pipeline/read.ts';
import { validate } from '../../pipeline/validate/index.ts';
import { HAS_SHARED, sharedBytes } from '../helpers/shared.ts';
import { tabReport } from '../helpers/tab-report.ts';

// 1,000 in `npm test` (the suite's time is counted), 10,000 under `npm run test:full`.
const RUNS = process.env.XXGK_TEST_FULL === '1' ? 10_000 : 1000;

type Mutation =
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'insert'; at: number; bytes: number[] }
  | { kind: 'truncate'; at: number }
  | { kind: 'flip'; at: number; byte: number }
  | { kind: 'duplicate-line'; line: number }
  | { kind: 'swap-lines'; a: number; b: number }
  | { kind: 'digit-to-text'; at: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 400 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 16 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('duplicate-line' as const), line: fc.nat() }),
  fc.record({ kind: fc.constant('swap-lines' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant('digit-to-text' as const), at: fc.nat() }),
);

function apply(bytes: Uint8Array, m: Mutation): Uint8Array {
  const n = bytes.length;
  switch (m.kind) {
    case 'delete': {
      const at = m.at % n;
      return Uint8Array.from([...bytes.subarray(0, at), ...bytes.subarray(at + m.length)]);
    }
    case 'insert': {
      const at = m.at % (n + 1);
      return Uint8Array.from([...bytes.subarray(0, at), ...m.bytes, ...bytes.subarray(at)]);
    }
    case 'truncate':
      return bytes.subarray(0, m.at % (n + 1));
    case 'flip': {
      const out = Uint8Array.from(bytes);
      if (n > 0) out[m.at % n] = m.byte;
      return out;
    }
    case 'duplicate-line':
    case 'swap-lines': {
      const lines = new TextDecoder().decode(bytes).split('\n');
      if (m.kind === 'duplicate-line') {
        const i = m.line % lines.length;
        lines.splice(i, 0, lines[i]!);
      } else {
        const a = m.a % lines.length;
        const b = m.b % lines.length;
        [lines[a], lines[b]] = [lines[b]!, lines[a]!];
      }
      return new TextEncoder().encode(lines.join('\n'));
    }
    case 'digit-to-text': {
      const text = new TextDecoder().decode(bytes);
      const digits = [...text.matchAll(/\d/g)];
      if (digits.length === 0) return bytes;
      const at = digits[m.at % digits.length]!.index!;
      return new TextEncoder().encode(`${text.slice(0, at)}若干${text.slice(at + 1)}`);
    }
  }
}

test(`${RUNS} seeded mutations of a report never crash the reader or the validator`, async () => {
  const original = HAS_SHARED ? await sharedBytes('corpus', '2020_liaocheng-zrzyghj.txt') : new TextEncoder().encode(tabReport());
  if (!HAS_SHARED) console.log('notice: ../shared is absent; fuzzing the tab-separated test report instead of the seed report');
  let read = 0;
  let rejected = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 4 }), async (mutations) => {
      const bytes = mutations.reduce(apply, original);
      try {
        const report = await readReport(bytes, 'mutated.txt');
        const result = validate(report);
        assert.equal(typeof result.valid, 'boolean');
        read++;
      } catch (err) {
        if (!(err instanceof InputError)) throw err;
        assert.ok(err.message.length > 10, 'the error says what is wrong');
        rejected++;
      }
    }),
    { seed: 20260127, numRuns: RUNS },
  );
  assert.equal(read + rejected, RUNS);
  assert.ok(read > 0 && rejected > 0, `both outcomes occur (read ${read}, rejected ${rejected})`);
});
