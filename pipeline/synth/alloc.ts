/** Split a count over weighted buckets, deterministically from a PRNG. */
import type { Rng } from './prng.ts';

/** n split over the weights (non-negative; at least one positive when n > 0), summing to n exactly. */
export function allocate(rng: Rng, n: number, weights: readonly number[]): number[] {
  const out = weights.map(() => 0);
  const total = weights.reduce((s, w) => s + w, 0);
  if (n <= 0 || total <= 0) return out;
  if (n <= 40) {
    // Draw one by one: small counts come out lumpy, as real ones do.
    for (let k = 0; k < n; k++) {
      let r = rng.next() * total;
      let i = 0;
      while (i < weights.length - 1 && (r -= weights[i]!) >= 0) i++;
      while (weights[i] === 0) i--;
      out[i]! += 1;
    }
    return out;
  }
  // Larger counts: jittered shares, then the remainder to the largest fractions.
  const jittered = weights.map((w) => (w > 0 ? w * (0.6 + 0.8 * rng.next()) : 0));
  const jt = jittered.reduce((s, w) => s + w, 0);
  const exact = jittered.map((w) => (n * w) / jt);
  let given = 0;
  exact.forEach((x, i) => {
    out[i] = Math.floor(x);
    given += out[i]!;
  });
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; given < n; k = (k + 1) % order.length) {
    const i = order[k]![1];
    if (jittered[i]! > 0) {
      out[i]! += 1;
      given++;
    }
  }
  return out;
}
