/** Which issues touch which cell: the `flags` column of the tidy data. Pure. */
import type { Issue } from '../model/issue.ts';
import type { TableId } from '../model/template.ts';

export type FlagIndex = Map<string, string[]>;

const key = (table: string, row: string, column: string) => `${table}/${row}/${column}`;

function touched(issue: Issue): string[] {
  if (!issue.table) return [];
  if (issue.cells?.length) return issue.cells.map((ref) => {
    const dot = ref.lastIndexOf('.');
    return key(issue.table!, ref.slice(0, dot), ref.slice(dot + 1));
  });
  return issue.row && issue.column ? [key(issue.table, issue.row, issue.column)] : [];
}

/** Index the warnings and errors of one report by the cells they touch. */
export function flagIndex(issues: readonly Issue[]): FlagIndex {
  const index: FlagIndex = new Map();
  for (const issue of issues) {
    if (issue.severity === 'info') continue;
    for (const k of touched(issue)) {
      const rules = index.get(k) ?? [];
      if (!rules.includes(issue.rule)) rules.push(issue.rule);
      index.set(k, rules);
    }
  }
  for (const rules of index.values()) rules.sort();
  return index;
}

/** The rule ids touching one cell, joined with ';' ('' when none). */
export function cellFlags(index: FlagIndex, table: TableId, row: string, column: string): string {
  // Most reports have no flagged cell: no key to build for each of their cells.
  if (index.size === 0) return '';
  const rules = index.get(key(table, row, column));
  return rules ? rules.join(';') : '';
}
