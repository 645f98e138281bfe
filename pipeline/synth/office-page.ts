/**
 * How an office suite lays out a report for printing to PDF (Word, WPS, LibreOffice "export as PDF"): the page size
 * and margins, the table's width and its columns (narrow label columns, so labels wrap over four to six lines), the
 * cell type size, and now and then a table with no ruled border on one side. Drawn from a seed, so the same seed
 * gives the same layout. Units: twips (1/20 pt) and half-points, as in a .docx.
 */
import { createRng } from './prng.ts';

export interface OfficePage {
  page: { width: number; height: number; margin: { top: number; bottom: number; left: number; right: number } };
  /** The tables' width as a share of the text width. */
  tableShare: number;
  /** The label columns' share of table 三's width (the rest is shared by the 7 value columns). */
  labelShare: number;
  /** Type size in table cells, half-points. */
  cellSize: number;
  /** A side of every table drawn without a rule, or none. */
  openSide: 'left' | 'right' | 'top' | 'bottom' | null;
}

const SIZES = [
  { width: 11906, height: 16838 }, // A4
  { width: 10319, height: 14571 }, // B5 (JIS)
  { width: 12240, height: 15840 }, // US Letter
] as const;

export function drawOfficePage(seed: number): OfficePage {
  const rng = createRng(seed * 7919 + 11);
  const size = rng.pick([...SIZES]);
  const side = rng.int(900, 1800);
  return {
    page: { ...size, margin: { top: rng.int(1000, 2100), bottom: rng.int(900, 2000), left: side, right: side } },
    tableShare: rng.pick([0.85, 0.95, 1]),
    labelShare: rng.pick([0.22, 0.26, 0.3]),
    cellSize: rng.pick([18, 20, 21]),
    openSide: rng.chance(0.35) ? rng.pick(['left', 'right', 'top', 'bottom'] as const) : null,
  };
}

/** Column widths (twips) of a table of `columns` grid columns: label columns first for table 三 (3), else even. */
export function officeColumns(office: OfficePage, textWidth: number, columns: number, labelColumns: number): number[] {
  const width = Math.floor(textWidth * office.tableShare);
  if (labelColumns === 0) return Array.from({ length: columns }, () => Math.floor(width / columns));
  const label = Math.floor((width * office.labelShare) / labelColumns);
  const value = Math.floor((width - label * labelColumns) / (columns - labelColumns));
  return Array.from({ length: columns }, (_, c) => (c < labelColumns ? label : value));
}
