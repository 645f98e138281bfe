/**
 * Rows real reports leave out of their tables (issue 11): table 二 without 规章 (a body that makes no 规章), table 三
 * without （六）其他处理 (when it is all zero), a 2019-edition table 二 with only some of the 第二十条 blocks. The rows
 * are deleted from the compact report, so every renderer leaves them out and the parser must read them as absent.
 */
import type { Edition } from '../model/template.ts';
import { num } from './check.ts';
import type { Rng } from './prng.ts';
import type { CompactReport } from './types.ts';

export type MissingRows = 'none' | 'regulations' | 'other' | 'blocks';
export const MISSING_ROWS: readonly MissingRows[] = ['none', 'regulations', 'other', 'blocks'];

/** The 第二十条 blocks a report may leave out, by edition (each a list of table 二 rows). */
const BLOCKS: Record<Edition, string[][]> = {
  '2019': [
    ['administrative_fees', 'centralized_procurement'],
    ['administrative_penalty', 'administrative_coercion'],
    ['centralized_procurement'],
  ],
  '2021': [['administrative_fees'], ['administrative_penalty', 'administrative_coercion']],
};

const OTHER_ROWS = ['other', 'other.no_correction', 'other.fee_unpaid', 'other.other'];

/** Which rows to leave out: mostly none. */
export function drawMissingRows(rng: Rng): MissingRows {
  return rng.weighted<MissingRows>([['none', 85], ['regulations', 5], ['other', 5], ['blocks', 5]]);
}

/**
 * Delete the rows of `style` from the report (in place); the rows deleted, in no particular order. （六） is left
 * out only when all its cells are 0 or blank, so that the printed tables still add up.
 */
export function dropRows(rng: Rng, values: CompactReport, style: MissingRows): string[] {
  const { proactive, applications } = values.tables;
  let rows: Array<['proactive' | 'applications', string]> = [];
  if (style === 'regulations') rows = [['proactive', 'regulations']];
  if (style === 'blocks') rows = rng.pick(BLOCKS[values.edition]).map((r) => ['proactive', r]);
  if (style === 'other') {
    const present = OTHER_ROWS.filter((r) => applications[r]);
    const zero = present.every((r) => Object.keys(applications[r]!).every((c) => num(applications, r, c) === 0));
    if (zero) rows = present.map((r) => ['applications', r]);
  }
  for (const [table, row] of rows) delete (table === 'proactive' ? proactive : applications)[row];
  return rows.map(([table, row]) => `${table}.${row}`);
}
