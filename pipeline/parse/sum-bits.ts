/**
 * A set of whole numbers in a narrow range as bits (table 三's reachable sums, solve-columns-propagate.ts): the sums of
 * one value from each of several domains are built by OR-ing shifted copies of the set, a word at a time, instead of
 * adding every pair to a hash set; the members and their count are the same. Pure.
 */

/** The members are `base` + i for each bit i set; `size` counts them. */
export interface SumBits {
  base: number;
  bits: Uint32Array;
  size: number;
}

/** Ranges wider than this many values are left to hash sets (a sparse set is cheaper there). */
export const MAX_RANGE = 1 << 16;

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24);
}

/** The 32 bits of `bits` from bit `at` on (bits outside the array are 0; `at` may be negative). */
function wordAt(bits: Uint32Array, at: number): number {
  const w = Math.floor(at / 32);
  const s = at - w * 32;
  const lo = w >= 0 && w < bits.length ? bits[w]! : 0;
  if (s === 0) return lo;
  const hi = w + 1 >= 0 && w + 1 < bits.length ? bits[w + 1]! : 0;
  return ((lo >>> s) | (hi << (32 - s))) >>> 0;
}

/**
 * The sums of one value from each domain (distinct whole numbers, at least two each), as bits over [Σ min, Σ max]
 * (which the caller checked is at most MAX_RANGE wide); null as soon as a step has more than `most` sums, as a hash
 * set built domain by domain would be.
 */
export function sumBits(domains: ReadonlyArray<readonly number[]>, most: number): SumBits | null {
  const lows = domains.map((d) => Math.min(...d));
  const highs = domains.map((d) => Math.max(...d));
  let base = 0;
  let span = 0;
  for (let i = 0; i < domains.length; i++) {
    base += lows[i]!;
    span += highs[i]! - lows[i]!;
  }
  const words = (span >>> 5) + 1;
  let bits = new Uint32Array(words);
  let next = new Uint32Array(words);
  bits[0] = 1;
  let reach = 0;
  let size = 1;
  for (const [i, d] of domains.entries()) {
    next.fill(0);
    const used = (reach >>> 5) + 1;
    for (const v of d) {
      const shift = v - lows[i]!;
      const ws = shift >>> 5;
      const bs = shift & 31;
      for (let w = 0; w < used; w++) {
        const x = bits[w]!;
        if (x === 0) continue;
        next[w + ws] = (next[w + ws]! | (x << bs)) >>> 0;
        if (bs !== 0 && w + ws + 1 < words) next[w + ws + 1] = (next[w + ws + 1]! | (x >>> (32 - bs))) >>> 0;
      }
    }
    reach += highs[i]! - lows[i]!;
    size = 0;
    for (let w = 0, end = (reach >>> 5) + 1; w < end; w++) size += popcount(next[w]!);
    if (size > most) return null;
    [bits, next] = [next, bits];
  }
  return { base, bits, size };
}

export function hasBit(s: SumBits, x: number): boolean {
  const i = x - s.base;
  if (i < 0 || i >= s.bits.length * 32) return false;
  return ((s.bits[i >>> 5]! >>> (i & 31)) & 1) === 1;
}

/** The smallest and largest member (the set is not empty). */
export function boundBits(s: SumBits): [number, number] {
  let lo = -1;
  let hi = -1;
  for (let w = 0; w < s.bits.length; w++) {
    const x = s.bits[w]!;
    if (x === 0) continue;
    if (lo < 0) lo = w * 32 + (31 - Math.clz32(x & -x));
    hi = w * 32 + (31 - Math.clz32(x));
  }
  return [s.base + lo, s.base + hi];
}

/** Whether some a of `a` and b of `b` have a + offset = b. */
export function meetBits(a: SumBits, b: SumBits, offset: number): boolean {
  const at = a.base + offset - b.base;
  for (let w = 0; w < a.bits.length; w++) {
    const x = a.bits[w]!;
    if (x === 0) continue;
    if ((x & wordAt(b.bits, at + w * 32)) !== 0) return true;
  }
  return false;
}
