/** Byte mutations for fuzzing any format (tests/unit/fuzz-readers.test.ts and its PDF child). */
import fc from 'fast-check';

export type ByteOp = { op: 'flip'; at: number; byte: number } | { op: 'insert'; at: number; bytes: number[] } | { op: 'delete'; at: number; length: number } | { op: 'truncate'; at: number };
export const byteOp: fc.Arbitrary<ByteOp> = fc.oneof(
  fc.record({ op: fc.constant('flip' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), bytes: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 12 }) }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 300 }) }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
);
export function applyBytes(b: Uint8Array, m: ByteOp): Uint8Array {
  const n = b.length;
  if (n === 0) return b;
  const at = m.at % n;
  if (m.op === 'flip') return Uint8Array.from(b, (x, k) => (k === at ? m.byte : x));
  if (m.op === 'insert') return Uint8Array.from([...b.subarray(0, at), ...m.bytes, ...b.subarray(at)]);
  if (m.op === 'delete') return Uint8Array.from([...b.subarray(0, at), ...b.subarray(at + m.length)]);
  return b.subarray(0, at);
}

