/**
 * Place the rows of figures whose label was lost (a PDF-to-Markdown converter dropped the label cell, raw pdftotext
 * moved a wrapped label away from its figures) by the template's row order. The labelled rows are aligned first, by
 * their labels; the rows without a label between two of them fill the template rows between those two, in order:
 * - as many unlabelled rows as template rows there: one row each, in order;
 * - one fewer, where （六）其他处理 stands: its sub-rows are printed, not the row (it is derived from them);
 * - as many fewer as its sub-rows in the gap: （六） alone, its sub-rows not printed.
 * Any other count cannot be placed: the template rows of that gap are reported as not read (never guessed).
 * The caller checks the placed rows against the template's arithmetic. Pure.
 */
import { describeLocation } from '../errors.ts';
import type { RowDef } from '../model/template.ts';
import { type Alignment, alignRows } from './align.ts';
import { labelRecall, startsItem } from './normalize.ts';
import type { DataRow } from './segment.ts';

/** How a gap of unlabelled rows was filled, or why it was not. */
export interface Placed {
  /** Alignment of the labelled rows (indices into `labelled`). */
  labelled: DataRow[];
  alignment: Alignment;
  /** Template row → the unlabelled row placed there by order. */
  byOrder: Map<RowDef, DataRow>;
  /** Template rows of gaps that could not be filled: the reason, for the cells' note. */
  unplaced: Map<RowDef, string>;
  /** Rows without a label where the template has no row at all (the caller refuses the table). */
  stray: string[];
  /** A gap was filled by leaving out （六）其他处理 or its sub-rows (fewer rows than template rows). */
  skipped: boolean;
}

/**
 * What a rendering that writes every text of the page (raw pdftotext) tells about a gap: which template rows' labels
 * stand anywhere in the table (a row whose label is printed nowhere is not printed at all), and the lines of a label
 * alone in place — rows of blank cells, whose figures print nothing — that cut a gap in two.
 */
export interface GapEvidence {
  printed: (def: RowDef) => boolean;
  anchors: ReadonlyArray<{ index: number; def: RowDef }>;
}

/** A part of a gap between two blank rows in place with fewer rows of figures than template rows: not placed. */
interface OpenPart {
  slots: RowDef[];
  rows: DataRow[];
  /** The part starts the gap: the figures after the row before the gap may be the part's first row's. */
  first: boolean;
}

/**
 * The rows of a gap filled by the evidence: the gap's printed template rows, cut at the blank rows standing in place;
 * each part as many rows of figures as template rows (or none: blank rows whose labels stand elsewhere). A part with
 * fewer is left open (its template rows not read), the other parts are placed. Null when a part has more rows of
 * figures than template rows, or the blank rows stand out of order.
 */
function fillByEvidence(gap: readonly DataRow[], slots: readonly RowDef[], low: number, high: number, evidence: GapEvidence): { placed: Map<RowDef, DataRow>; open: OpenPart[] } | null {
  const printed = slots.filter((d) => evidence.printed(d));
  const anchors = evidence.anchors.filter((a) => a.index > low && a.index < high && printed.includes(a.def)).sort((a, b) => a.index - b.index);
  if (anchors.some((a, i) => i > 0 && printed.indexOf(a.def) <= printed.indexOf(anchors[i - 1]!.def))) return null;
  const out = new Map<RowDef, DataRow>();
  const open: OpenPart[] = [];
  let from = 0;
  let lineFrom = low;
  for (const bound of [...anchors, null]) {
    const to = bound ? printed.indexOf(bound.def) : printed.length;
    const lineTo = bound ? bound.index : high;
    const part = printed.slice(from, to);
    const rows = gap.filter((r) => r.index > lineFrom && r.index < lineTo);
    if (rows.length > part.length) return null;
    if (rows.length > 0 && rows.length < part.length) open.push({ slots: part, rows, first: from === 0 });
    else rows.forEach((r, i) => out.set(part[i]!, r));
    from = to + 1;
    lineFrom = lineTo;
  }
  return out.size + open.reduce((n, p) => n + p.rows.length, 0) === gap.length ? { placed: out, open } : null;
}

const SUB_ROWS = ['other.no_correction', 'other.fee_unpaid', 'other.other'];

/**
 * The template rows of a gap left empty when `m` unlabelled rows fill its `slots` (null: no way). Only （六）其他处理's
 * layouts leave rows out: the row itself (printed as its sub-rows), or its sub-rows (printed as one row).
 */
function skipped(slots: readonly RowDef[], m: number, exact: boolean): Set<string> | null {
  const k = slots.length;
  if (m === k) return new Set();
  if (exact) return null;
  const codes = new Set(slots.map((d) => d.code));
  if (!codes.has('other')) return null;
  if (k - m === 1) return new Set(['other']);
  const subs = SUB_ROWS.filter((c) => codes.has(c));
  if (subs.length > 1 && k - m === subs.length) return new Set(subs);
  return null;
}

function where(row: DataRow): string {
  return describeLocation(row.at);
}

/** Below this, a numbered label names no template row: a fragment of a label split over two rows ("1.申请人无正"). */
const MIN_OWN_RECALL = 0.5;

/**
 * A row without a label of its own: none printed, or only the start of a numbered label cut off by a converter
 * (whose group heading alone, printed beside it, would otherwise pull it onto the group's own row).
 */
function unlabelled(row: DataRow, defs: readonly RowDef[]): boolean {
  if (row.label === '') return true;
  if (!startsItem(row.label)) return false;
  return !defs.some((d) => [d.zh, ...(d.aliases ?? [])].some((z) => labelRecall(row.label, z) >= MIN_OWN_RECALL));
}

/**
 * Returns null when there are more labelled rows than template rows.
 * @param exact fill a gap only with as many rows as it has template rows (a table that leaves rows out elsewhere may
 * leave out any row of a gap too: fewer rows than template rows are then not placed by （六）'s layouts).
 */
export function placeUnlabelled(rows: readonly DataRow[], defs: readonly RowDef[], exact = false, evidence?: GapEvidence): Placed | null {
  const labelled = rows.filter((r) => !unlabelled(r, defs));
  const alignment = alignRows(labelled, defs);
  if (!alignment) return null;
  const byOrder = new Map<RowDef, DataRow>();
  const unplaced = new Map<RowDef, string>();
  const stray: string[] = [];
  let skippedAny = false;
  let gap: DataRow[] = [];
  let before = -1;
  let beforeIndex = -1;
  let k = 0;
  /** Template rows whose rows of figures without a label cannot be told apart: each not read, with the reason. */
  const unfilled = (slots: readonly RowDef[], rows: readonly DataRow[], first: boolean, lo: number, hi: number): string => {
    const around = `${lo >= 0 ? `after "${defs[lo]!.zh}"` : 'at the top'}${hi < defs.length ? ` and before "${defs[hi]!.zh}"` : ''}`;
    const reason = `${rows.length} row${rows.length > 1 ? 's' : ''} of figures without a label (${where(rows[0]!)}) stand ${around}, ` +
      `where the template has ${slots.length} row${slots.length === 1 ? '' : 's'}: which row is which cannot be told`;
    for (const d of slots) unplaced.set(d, reason);
    // Raw pdftotext prints nothing for a row of blanks: the figures after the label before the gap may be the
    // gap's first row's (that label's row then blank), so they are not read either.
    if (evidence && first && before >= 0 && slots.length > 0) {
      unplaced.set(defs[before]!, `the figures after "${defs[before]!.zh}" may be that row's or the first of the rows after it, whose labels stand away from their place: ${reason}`);
    }
    return reason;
  };
  const close = (after: number, afterIndex: number): void => {
    if (gap.length === 0) return;
    const slots = defs.slice(before + 1, after);
    const seen = evidence && gap.length !== slots.length ? fillByEvidence(gap, slots, beforeIndex, afterIndex, evidence) : null;
    if (seen && seen.open.length === 0) {
      for (const [d, row] of seen.placed) byOrder.set(d, row);
      gap = [];
      return;
    }
    let skip = skipped(slots, gap.length, exact);
    // （六） alone leaves its sub-rows out: not when their labels are printed (raw pdftotext writes every label).
    if (skip && evidence && slots.some((d) => skip!.has(d.code) && d.code !== 'other' && evidence.printed(d))) skip = null;
    if (seen && skip === null) {
      // The parts the blank rows in place fill are placed; the others not read.
      for (const [d, row] of seen.placed) byOrder.set(d, row);
      for (const part of seen.open) unfilled(part.slots, part.rows, part.first, part.first ? before : defs.indexOf(part.slots[0]!) - 1, defs.indexOf(part.slots.at(-1)!) + 1);
      gap = [];
      return;
    }
    if (skip === null) {
      const reason = unfilled(slots, gap, true, before, after);
      if (slots.length === 0) stray.push(reason);
    } else {
      if (skip.size > 0) skippedAny = true;
      const fill = slots.filter((d) => !skip.has(d.code));
      fill.forEach((d, i) => byOrder.set(d, gap[i]!));
    }
    gap = [];
  };
  for (const row of rows) {
    if (unlabelled(row, defs)) {
      gap.push(row);
      continue;
    }
    const at = alignment.assigned[k++]!;
    close(at, row.index);
    before = at;
    beforeIndex = row.index;
  }
  close(defs.length, Infinity);
  return { labelled, alignment, byOrder, unplaced, stray, skipped: skippedAny };
}
