/**
 * The canonical model of one annual report. schemas/annual-report.schema.json describes the same shape;
 * tests/unit/schema-model.test.ts keeps the two in step.
 */
import type { AgencyRef } from './agency.ts';
import type { Edition, TableId } from './template.ts';

export const RENDERINGS = ['word-text', 'html', 'docx', 'doc', 'pdf', 'pdftotext-layout', 'json', 'yaml', 'flat-text', 'pdftotext-raw', 'markdown'] as const;
export type Rendering = (typeof RENDERINGS)[number];

/** Where a value was read in its source. Text renderings give line/column; tables give table/row/cell. */
export interface Location {
  /** 1-based line in the decoded text. */
  line?: number;
  /** 1-based character column on that line. */
  column?: number;
  /** 1-based index of the HTML table in the document. */
  table?: number;
  /** 1-based row (<tr>) within that table. */
  row?: number;
  /** 1-based cell (<td>/<th>) within that row. */
  cell?: number;
  /** JSON pointer, for structured input. */
  pointer?: string;
  /** 1-based page, for PDF input. */
  page?: number;
  /** For PDF input: the left edge and top of the text on its page, in points from the page's top-left corner. */
  x?: number;
  y?: number;
}

/**
 * What a printed cell means, kept apart from its value:
 * - number: a number was printed (0 included);
 * - blank: the cell is empty;
 * - not_applicable: "-", "—", "/" or "无";
 * - text: something that is not a number (an error);
 * - absent: the source has no such row at all (e.g. 2021 sub-rows not printed);
 * - derived: not printed, computed from printed cells (derivedFrom says which);
 * - inferred: printed, but where the cell's figures start and end was lost (flattened page text glues a row's
 *   figures together), or which column a figure stands in (layout text prints nothing for a blank cell): the one
 *   split or placement that the template's arithmetic allows (inferredBy says which rules fixed it); or which row a
 *   row of figures belongs to, its label lost (Markdown, raw pdftotext): placed by the template's row order
 *   (inferredBy starts with "row_order", then the rules that confirmed it).
 */
export const CELL_KINDS = ['number', 'blank', 'not_applicable', 'text', 'absent', 'derived', 'inferred'] as const;
export type CellKind = (typeof CELL_KINDS)[number];

export interface Cell {
  kind: CellKind;
  /** The value in the column's unit (万元 for money); null unless kind is number, derived or inferred. */
  value: number | null;
  /** The cell's text as printed, trimmed; omitted for absent and derived cells. */
  raw?: string;
  /**
   * The unit of an amount, when the report states one other than the template's 万元 alone: printed in the cell
   * ("8810055元", "4156.93万元"), or 元 stated by the table for the cell's column — in its header ("采购总金额（元）")
   * or in a note above or below the table ("单位：元"). Amounts in 元 are converted exactly to 万元 in `value`; `raw`
   * keeps the figure as printed.
   */
  unit?: '元' | '万元';
  /** A note printed inside the cell, e.g. "其中修订 16 件". */
  note?: string;
  /** Where the cell was read. */
  source?: Location;
  /** For derived cells: the cells (row codes) it was computed from. */
  derivedFrom?: string[];
  /**
   * For inferred cells: the consistency rules (CONSISTENCY_RULES ids) that fixed the split of the row's digits, or
   * "row_order" first when the row was placed by the template's row order (its label lost), then the rules that held.
   */
  inferredBy?: string[];
}

export type TableCells = Record<string, Record<string, Cell>>;

export interface Tables {
  proactive: TableCells;
  applications: TableCells;
  appeals: TableCells;
}

export interface Source {
  /** File name or URL. */
  name: string;
  mediaType: string;
  rendering: Rendering;
  /** Encoding the text was decoded from (text renderings). */
  encoding?: string;
  sha256: string;
  bytes: number;
}

/** A figure the report's own text states, to be checked against its tables. */
export interface NarrativeFigure {
  /** What the figure is: received, handled, granted, partially_granted, reconsideration, litigation. */
  key: string;
  value: number;
  /** The sentence fragment it was read from. */
  text: string;
  source: Location;
}

export interface AnnualReport {
  /** Stable ASCII id, `<agency slug>-<year>`. */
  id: string;
  /** The agency's name as printed. */
  agency: string;
  /**
   * The registry body the printed name resolved to (agencies.yaml). When set, id is `<body.id>-<year>` and region
   * is body.division. Absent when the name is unknown or ambiguous (a validation warning says so).
   */
  body?: AgencyRef;
  /** The agency's administrative division (GB/T 2260, six digits), when known. */
  region?: string;
  year: number;
  /** Publication date as printed (YYYY-MM-DD), or null. */
  published: string | null;
  edition: Edition;
  sources: Source[];
  tables: Tables;
  narrative: NarrativeFigure[];
}

export type { Edition, TableId };
