/**
 * Table 三's body lines in layout text: the lines from the first row on, without the header printed again at the top
 * of a page (or as a stray header row inside the table) and without the note under the table ("注：…"). Pure.
 */
import type { Line } from './layout-label-cells.ts';

/** The table's lines from `start` (its first row) that are no repeated header line, up to a note under it. */
export function tableBody(lines: readonly Line[], start: number): Line[] {
  // The header repeated at the top of a page (its lines as printed above the first row) is no part of any row.
  const signature = (l: Line): string => [...l.labels.map((f) => f.text), ...l.values.map((v) => v.text)].join('|').replace(/\s+/g, '');
  // A line of one piece is such a header line only at the top of a page (before any other line of it): a row's label
  // piece that reads as a header word ("（七） / 51 2 53 / 总计") is part of its row.
  const repeated = new Set(lines.slice(0, start).map(signature).filter((t) => t.length >= 2));
  let topOfPage = false;
  // A note under the table ("注：*含上级机关转办的申请。") ends it: its text is no label's (it went on （七）总计 above it,
  // and took the row under that's figures).
  const note = lines.findIndex((l, k) => k > start && l.values.length === 0 && /^注[：:]/.test(l.labels[0]?.text.trim() ?? ''));
  const table = lines.slice(start, note < 0 ? undefined : note);
  const isHeader = table.map((l, k, all) => {
    if (k > 0 && l.page !== undefined && l.page !== all[k - 1]!.page) topOfPage = true;
    const matches = repeated.has(signature(l));
    if (!matches) topOfPage = false;
    return matches && (topOfPage || l.labels.length + l.values.length >= 2);
  });
  // The header printed again inside the table (a stray header row): a line of one piece that reads as a header line,
  // where that line stands (a slot), is part of it when a line next to it is ("法人或其他组织" / "第二项之和，等于" /
  // "自然人 …"; not "总计" under "（七）" in the label column, the header printed after it).
  const firstX = (l: Line): number => l.labels[0]?.x ?? l.values[0]?.x ?? 0;
  // The lines before the table, read once (they do not change while the loop runs).
  const aboveTable = lines.slice(0, start).map((h) => ({ text: signature(h), x: firstX(h) }));
  for (let changed = true; changed;) {
    changed = false;
    for (const [k, l] of table.entries()) {
      if (isHeader[k] || !repeated.has(signature(l)) || !aboveTable.some((h) => h.text === signature(l) && Math.abs(h.x - firstX(l)) <= 1)) continue;
      if (!(table[k - 1]?.line === l.line - 1 && isHeader[k - 1]) && !(table[k + 1]?.line === l.line + 1 && isHeader[k + 1])) continue;
      isHeader[k] = true;
      changed = true;
    }
  }
  return table.filter((_, k) => !isHeader[k]);
}
