/**
 * Layout text drops blank cells. Put a short row's values back in their columns by their x-positions, measured
 * against rows of the same table that have every value. Pure.
 */
import type { TextCell } from '../ingest/types.ts';
import type { DataRow } from './segment.ts';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export function placeByPosition(row: DataRow, want: number, reference: readonly DataRow[]): TextCell[] | null {
  const full = reference.filter((r) => r.values.length === want && r.values.every((v) => v.x !== undefined));
  if (full.length === 0 || row.values.some((v) => v.x === undefined)) return null;
  const centres = Array.from({ length: want }, (_, c) => median(full.map((r) => r.values[c]!.x!)));
  const placed: Array<TextCell | undefined> = new Array(want);
  let next = 0;
  for (const value of row.values) {
    let best = -1;
    for (let c = next; c <= want - (row.values.length - row.values.indexOf(value)); c++) {
      if (best < 0 || Math.abs(centres[c]! - value.x!) < Math.abs(centres[best]! - value.x!)) best = c;
    }
    if (best < 0) return null;
    placed[best] = value;
    next = best + 1;
  }
  return placed.map((v) => v ?? { text: '', at: row.at });
}
