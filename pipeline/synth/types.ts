/** The shapes the synthetic-report generator produces and its renderers consume. */
import type { CompactReport as ModelCompactReport } from '../parse/from-values.ts';
import type { TableId } from '../model/template.ts';

/** A printed cell: a number, null for a blank cell, '-' for "not applicable". */
export type CompactValue = number | null | string;
export type CompactTable = Record<string, Record<string, CompactValue>>;

/**
 * The compact report of pipeline/parse/from-values.ts (`reportFromValues` takes it), narrowed: all three tables,
 * plain values only. A row missing from a table is not printed (e.g. 2021 （六）其他处理, printed as its sub-rows).
 */
export interface CompactReport extends Omit<ModelCompactReport, 'tables' | 'narrative'> {
  tables: Record<TableId, CompactTable>;
}

/** Figures the narrative (一、总体情况) states; the keys match NarrativeFigure.key. */
export const NARRATIVE_KEYS = ['received', 'handled', 'granted', 'partially_granted', 'reconsideration', 'litigation'] as const;
export type NarrativeKey = (typeof NARRATIVE_KEYS)[number];
export type NarrativeFigures = Record<NarrativeKey, number>;

/** A consistency finding: what the reference check (check.ts) reports, and what a planted error is expected to yield. */
export interface Finding {
  rule: string;
  table?: TableId;
  row?: string;
  column?: string;
  expected: number;
  found: number;
}

/** The rules an error can be planted for. */
export const PLANTABLE_RULES = [
  'applications.balance',
  'applications.row_total',
  'applications.outcome_total',
  'applications.other_subtotal',
  'appeals.row_total',
  ...NARRATIVE_KEYS.map((k) => `narrative.${k}` as const),
] as const;
export type PlantableRule = (typeof PLANTABLE_RULES)[number];

/** An error to plant: the rule to break, optionally where (row or column) and by how much. */
export interface PlantSpec {
  rule: PlantableRule;
  row?: string;
  column?: string;
  delta?: number;
}

/** What was planted: the spec, the cells changed, and every finding the change causes. */
export interface Planted {
  spec: PlantSpec;
  changed: Array<{ table: TableId | 'narrative'; row: string; column: string; from: CompactValue; to: CompactValue }>;
  findings: Finding[];
}

export interface Synthetic {
  values: CompactReport;
  narrative: NarrativeFigures;
  planted: Planted[];
}
