/**
 * A row of table 三 printed on two lines in layout text, its wide figures broken in their cells: the row's line
 * holding the first digits of the wide figures beside the others, the rest of the wide figures under them
 * ("238 788 0 0 0 0 317" / "6 … 4": 2386 … 3174), joined into one line of the row's figures when that is the only
 * reading (see layout-broken.ts for the conditions). Pure.
 */
import { isValueText } from '../ingest/read-value.ts';
import { type Joining, addsUp, breaksHere, centre, figures, goesOn, keep, next, width } from './layout-broken-pieces.ts';

/** Join the rows printed on two lines (the row's figures, the rest of its wide ones under them). */
export function joinTwoLines(s: Joining): void {
  const { lines, columns, replace, joinedLines } = s;
  // Two lines: the row's 7 figures, the rest of its wide ones under them.
  for (let i = 0; i + 1 < lines.length; i++) {
    const [row, under] = [lines[i]!, lines[i + 1]!];
    if (joinedLines.has(i) || joinedLines.has(i + 1) || !next(row, under)) continue;
    const full = figures(row);
    const pieces = figures(under);
    if (pieces.length === 0 || full.length > columns) continue;
    // All 7 figures: they do not add up as printed. Fewer (a row of blanks and a few figures, "131 … 131" / "公开 6 … 6"
    // for 1316): the line under goes on the row's label (text that starts no new item), and each of the row's figures
    // has its lower piece there (the row's 总计 is at least as wide as any figure of it: it breaks as they do).
    // (Some of its figures may be printed whole, "１０ ５ … １０" / "分公开 ０ … ５" for 100, 5, 105, when neither line
    // adds up as a row of its own.)
    const some = pieces.length < full.length && !addsUp(full) && !addsUp(pieces);
    if (full.length === columns ? addsUp(full) : full.length < 2 || !goesOn(under) || (pieces.length !== full.length && !some)) continue;
    // The line under the row prints the pieces only, after a piece of a label wrapped around the row ("本   55  0  75"):
    // text left of the row's figures.
    const text = under.slice(0, under.length - pieces.length);
    if (!pieces.every((p, j) => under[text.length + j] === p) || text.some((c) => isValueText(c.text) || c.x! + width(c) >= Math.min(...full.map((f) => f.x!)))) continue;
    const over = pieces.map((p) => full.filter((f) => Math.abs(centre(f) - centre(p)) <= 1));
    if (over.some((o) => o.length !== 1) || new Set(over.map((o) => o[0])).size !== pieces.length) continue;
    const skip = new Set([i, i + 1]);
    if (!pieces.every((p, j) => breaksHere(s, over[j]![0]!, p, row[0]!.page, skip))) continue;
    const joinedRow = full.map((f) => {
      const j = over.findIndex((o) => o[0] === f);
      return j < 0 ? f : { ...f, text: f.text + pieces[j]!.text };
    });
    if (!addsUp(joinedRow)) continue;
    replace.set(row, [...keep(row, full), ...joinedRow]);
    replace.set(under, text);
    joinedLines.add(i).add(i + 1);
  }
}
