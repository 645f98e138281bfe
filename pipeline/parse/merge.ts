/**
 * One report per body and year: the same report read from several renderings becomes one report that keeps
 * every source. A cell on which the renderings disagree is a conflict, reported with both values and sources. Pure.
 */
import type { AnnualReport, Cell } from '../model/report.ts';
import { TABLE_IDS, type TableId } from '../model/template.ts';

export interface Conflict {
  report: string;
  table: TableId;
  row: string;
  column: string;
  values: Array<{ source: string; kind: string; value: number | null; raw?: string }>;
}

function same(a: Cell | undefined, b: Cell | undefined): boolean {
  const va = a?.value ?? null;
  const vb = b?.value ?? null;
  return va === vb;
}

export function mergeRenderings(reports: readonly AnnualReport[]): { reports: AnnualReport[]; conflicts: Conflict[] } {
  const byId = new Map<string, AnnualReport[]>();
  for (const r of reports) byId.set(r.id, [...(byId.get(r.id) ?? []), r]);
  const merged: AnnualReport[] = [];
  const conflicts: Conflict[] = [];
  for (const id of [...byId.keys()].sort()) {
    const group = byId.get(id)!;
    const [first, ...rest] = group;
    for (const other of rest) {
      for (const table of TABLE_IDS) {
        for (const [row, cells] of Object.entries(first!.tables[table])) {
          for (const [column, cell] of Object.entries(cells)) {
            const theirs = other.tables[table][row]?.[column];
            if (same(cell, theirs)) continue;
            conflicts.push({
              report: id,
              table,
              row,
              column,
              values: [first!, other].map((r) => {
                const c = r.tables[table][row]?.[column];
                return { source: r.sources[0]!.name, kind: c?.kind ?? 'absent', value: c?.value ?? null, raw: c?.raw };
              }),
            });
          }
        }
      }
    }
    const sources = group.flatMap((r) => r.sources).sort((a, b) => a.name.localeCompare(b.name));
    merged.push({ ...first!, sources });
  }
  return { reports: merged, conflicts };
}
