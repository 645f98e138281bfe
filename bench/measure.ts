/** What every bench shares: its --count argument, peak memory sampling, the GC hook and megabytes. */

/** `--count N` from the command line (a positive integer), or the default; a bad value prints `usage` and exits 2. */
export function countArg(fallback: number, usage: string): number {
  const at = process.argv.indexOf('--count');
  const count = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isInteger(count) || count <= 0) {
    console.error(`usage: ${usage} [--count N]   (N a positive integer)`);
    process.exit(2);
  }
  return count;
}

/** The highest rss and heapUsed seen by sample(). */
export const peak = { rss: 0, heapUsed: 0 };

export function sample(): void {
  const m = process.memoryUsage();
  peak.rss = Math.max(peak.rss, m.rss);
  peak.heapUsed = Math.max(peak.heapUsed, m.heapUsed);
}

/** global.gc when node runs with --expose-gc. */
export const gc = (globalThis as { gc?: () => void }).gc;

export const mb = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MB`;
