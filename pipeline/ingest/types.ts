/** What an ingest module yields: the document's text as an ordered stream of cells, or structured data. */
import type { Location, Rendering, Source } from '../model/report.ts';

/**
 * One piece of text in reading order: a table cell, or a paragraph/line of narrative.
 * - Table cells are one cell each, blank cells included (text '').
 * - A paragraph of narrative is one cell.
 * - rowEnd marks the last cell of a row when the rendering knows rows (an HTML <tr>, a line of layout text,
 *   a tab-separated line). Word text with one cell per line knows no rows: its table cells never set rowEnd.
 * - x is the cell's horizontal position: its 0-based character offset on the line, for layout text
 *   (pdftotext -layout gives every character one slot, CJK included), or for PDF its left edge in half-ems of
 *   the page's usual type size (about one character slot); width, when known, is its width in the same units.
 */
export interface TextCell {
  text: string;
  at: Location;
  rowEnd?: boolean;
  x?: number;
  width?: number;
  /**
   * Layout text: the 1-based page the line is on (pdftotext starts each page with a form feed). Each page is laid
   * out on its own character grid, so positions compare only within a page.
   */
  page?: number;
}

export interface CellDocument {
  kind: 'cells';
  source: Source;
  cells: TextCell[];
  /** PDF pages that are scans without a text layer: named when the report cannot be read from the rest. */
  scannedPages?: number[];
  /** A PDF's own title (Info /Title): read for the year and agency when the text prints no title (parse/index.ts). */
  documentTitle?: string;
}

export interface StructuredDocument {
  kind: 'structured';
  source: Source;
  /** The parsed JSON/YAML value, not yet checked. */
  data: unknown;
}

export type IngestedDocument = CellDocument | StructuredDocument;
export type { Rendering };

/** The media type of a Word .docx (here so that ingest/index.ts names it without loading mammoth). */
export const DOCX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The media type of a legacy Word .doc (here so that ingest/index.ts names it without loading cfb). */
export const DOC_MEDIA_TYPE = 'application/msword';
