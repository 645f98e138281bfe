/** Snippets of `pdftotext -layout` text for the layout readers' tests, and the rows those readers give back. */
import type { TextCell } from '../../pipeline/ingest/types.ts';

/** A line of layout text: each text at its character position. */
export const at = (...parts: Array<[number, string]>): string => parts.reduce((s, [x, t]) => s.padEnd(x) + t, '');

/** The texts of each row of cells (a row ends at a cell with rowEnd). */
export const rowTexts = (cells: readonly TextCell[]): string[][] => {
  const out: string[][] = [[]];
  for (const c of cells) {
    out.at(-1)!.push(c.text);
    if (c.rowEnd) out.push([]);
  }
  return out.filter((r) => r.length > 0);
};
