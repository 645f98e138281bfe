/** What an ingest module yields: the document's text as an ordered stream of cells, or structured data. */
import type { Location, Rendering, Source } from '../model/report.ts';

/**
 * One piece of text in reading order: a table cell, or a paragraph/line of narrative.
 * - Table cells are one cell each, blank cells included (text '').
 * - A paragraph of narrative is one cell.
 * - rowEnd marks the last cell of a row when the rendering knows rows (an HTML <tr>, a line of layout text,
 *   a tab-separated line). Word text with one cell per line knows no rows: its table cells never set rowEnd.
 * - x is the cell's horizontal position: its 0-based character offset on the line, for layout text only
 *   (pdftotext -layout gives every character one slot, CJK included).
 */
export interface TextCell {
  text: string;
  at: Location;
  rowEnd?: boolean;
  x?: number;
}

export interface CellDocument {
  kind: 'cells';
  source: Source;
  cells: TextCell[];
}

export interface StructuredDocument {
  kind: 'structured';
  source: Source;
  /** The parsed JSON/YAML value, not yet checked. */
  data: unknown;
}

export type IngestedDocument = CellDocument | StructuredDocument;
export type { Rendering };
