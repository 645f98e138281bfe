/**
 * Are raw pdftotext's cells flagged for their ROW (which row a line of figures is: a label moved away, a row of
 * figures without a label) really undetermined? (README, "Lossy renderings".) For table 三 of each generated report of
 * a seed range, the text's figures are one sequence; every way to cut it into the rows the text prints (a row's
 * label stands somewhere in the table) is listed, keeping the order, at most seven figures a row and the row's total
 * (its last figure the sum of the others), and true to where each row's label stands: a label in its place stands
 * right before its row's figures (the rows before it end there, the rows after start there), a label pdftotext moved
 * stands after them (after the table, or at a page break). Each cut's rows are then split into cells and solved
 * jointly by the column equations (as bench/lossy-oracle.ts does). A cell the reader flagged for its row counts as
 * determined when every cut and every joint solution give it the same reading. The rows the reader placed (no cell
 * flagged for its row) keep their own figures (as many as the row prints): the question is whether the reader's
 * placed rows and the rules fix the rest. Cells flagged for their split alone are left to bench/lossy-oracle.ts.
 *
 *   node --import tsx bench/lossy-oracle-rows.ts [FROM] [COUNT]
 *
 * A measuring tool, not part of xxgk: slow (no step limit), prints counts and the determined cells.
 */
import { ingest } from '../pipeline/ingest/index.ts';
import type { CellDocument } from '../pipeline/ingest/types.ts';
import { parseDocument } from '../pipeline/parse/index.ts';
import { compareCells } from '../pipeline/synth/compare.ts';
import { renderLossy } from '../pipeline/synth/lossy-score.ts';
import { findSections } from '../pipeline/parse/find-sections.ts';
import { isPageNumber, labelRecall, normalizeText } from '../pipeline/parse/normalize.ts';
import { rawLines } from '../pipeline/parse/raw-lines.ts';
import { ANCHOR_RECALL, namesRow, wrappedLabel } from '../pipeline/parse/flat-label-lines.ts';
import { ownLabel } from '../pipeline/parse/flat-rows.ts';
import { columnSpecs } from '../pipeline/parse/flat-plan.ts';
import { APPLICATIONS, type Edition, type RowDef, columnsOf, rowsOf } from '../pipeline/model/template.ts';
import type { AnnualReport, Cell } from '../pipeline/model/report.ts';
import { Budget, splitRun, tokenValue } from '../pipeline/parse/split-digits.ts';
import { applicationEquations } from '../pipeline/parse/application-equations.ts';
import { findSupports } from '../pipeline/parse/flat-solve.ts';
import { distinctVectors } from '../pipeline/parse/distinct-vectors.ts';

const from = Number(process.argv[2] ?? 0), count = Number(process.argv[3] ?? 200);
const MAX_CUTS = 300_000;
const big = () => new Budget(5e8).part(2e8);

interface Oracle { sets: Map<string, Set<string>>; note?: string }

/** Per cell key row.col → readings possible over every cut of the figures and every joint solution. */
function oracle(doc: CellDocument, edition: Edition, asked: ReadonlyMap<string, string>, pinned: ReadonlyMap<string, number>): Oracle {
  const cells = doc.cells.filter((c) => !isPageNumber(c.text));
  const s = findSections(cells).applications!;
  const lines = rawLines(cells.slice(s.start, s.end), APPLICATIONS, edition);
  const defs = rowsOf(APPLICATIONS, edition);
  const width = columnsOf(APPLICATIONS, defs[0]!, edition).length;
  const cols = columnSpecs(APPLICATIONS, columnsOf(APPLICATIONS, defs[0]!, edition));
  // The figures in order, and each label's place among them.
  const tokens: string[] = [];
  const events = new Map<RowDef, number[]>();
  const texts: string[] = [];
  for (const l of lines) {
    if (l.label !== '') {
      const text = l.run === '' ? wrappedLabel(lines, l, defs) : ownLabel(l.label).own;
      // A label wrapped over many lines (pdftotext: a narrow cell) joined whole, for which rows are printed.
      let whole = normalizeText(l.label);
      for (let k = l.index + 1; l.run === '' && k < lines.length && lines[k]!.run === '' && !/^\d+[.、]|^（/.test(lines[k]!.label); k++) whole += normalizeText(lines[k]!.label);
      texts.push(whole);
      const d = namesRow(text, defs, ANCHOR_RECALL);
      if (d) events.set(d, [...(events.get(d) ?? []), tokens.length]);
    }
    if (l.run !== '') tokens.push(...l.run.split(/\s+/));
  }
  const printedLabel = (d: RowDef): boolean => [d.zh, ...(d.aliases ?? [])].some((z) => texts.some((t) => labelRecall(t, z) >= 0.8));
  let rows = defs.filter(printedLabel);
  // 2021: （六） printed as its sub-rows is derived from them, not a row of its own.
  if (rows.some((d) => d.code.startsWith('other.'))) rows = rows.filter((d) => d.code !== 'other');
  // A row's splits (memoised by its figures' span); [] when its figures cannot be one row.
  const memo = new Map<string, string[][]>();
  const splitsOf = (a: number, b: number): string[][] => {
    const key = `${a}:${b}`;
    if (!memo.has(key)) {
      const run = tokens.slice(a, b).join(' ');
      const check = (v: readonly number[]) => v.length < width || v.slice(0, -1).reduce((x, y) => x + y, 0) === v[width - 1];
      memo.set(key, b - a > width ? [] : run === '' ? [cols.map(() => '')] : splitRun(run, cols, big(), { what: 'x', whole: true, check, limit: 1e6 }));
    }
    return memo.get(key)!;
  };
  // Every cut: row i takes tokens [start, end); its label (one place only: else no constraint) in place or after.
  const cuts: number[][] = [];
  // Memoised: can rows i.. take tokens at.. to the end?
  const done = new Map<string, boolean>();
  const completes = (i: number, at: number): boolean => {
    const key = `${i}:${at}`;
    if (done.has(key)) return done.get(key)!;
    let ok = false;
    if (i === rows.length) ok = at === tokens.length;
    else {
      const places = events.get(rows[i]!) ?? [];
      const pin = pinned.get(rows[i]!.code);
      for (let end = at; !ok && end <= Math.min(tokens.length, at + width); end++) {
        if (pin !== undefined && end - at !== pin) continue;
        if (places.length === 1 && !(places[0] === at || places[0]! >= end)) continue;
        ok = splitsOf(at, end).length > 0 && completes(i + 1, end);
      }
    }
    done.set(key, ok);
    return ok;
  };
  const walk = (i: number, at: number, ends: number[]): void => {
    if (cuts.length > MAX_CUTS || !completes(i, at)) return;
    if (i === rows.length) {
      if (at === tokens.length) cuts.push([...ends]);
      return;
    }
    const places = events.get(rows[i]!) ?? [];
    const pin = pinned.get(rows[i]!.code);
    for (let end = at; end <= Math.min(tokens.length, at + width); end++) {
      if (pin !== undefined && end - at !== pin) continue;
      if (places.length === 1 && !(places[0] === at || places[0]! >= end)) continue;
      if (splitsOf(at, end).length === 0) continue;
      walk(i + 1, end, [...ends, end]);
    }
  };
  walk(0, 0, []);
  if (cuts.length > MAX_CUTS) return { sets: new Map(), note: 'cut cap' };
  if (cuts.length === 0) return { sets: new Map(), note: 'no cut' };
  // Per asked cell: the readings found so far; a cut is solved only when it may add a reading to an asked cell.
  const sets = new Map<string, Set<string>>([...asked].map(([k, v]) => [k, new Set<string>()]));
  const printed = new Set(rows.map((d) => d.code));
  const equations = applicationEquations(printed, new Set());
  const codesOf = new Map(rows.map((d) => [d.code, columnsOf(APPLICATIONS, d, edition)]));
  const reading = (t: string, k: number): string => (t === '' ? 'blank' : String(tokenValue(t, cols[k]!)));
  let consistent = 0;
  for (const ends of cuts) {
    const rowSplits = rows.map((d, i) => splitsOf(i === 0 ? 0 : ends[i - 1]!, ends[i]!));
    // Is there an asked cell that this cut's splits could give a reading not yet seen?
    const news = rows.some((d, i) => codesOf.get(d.code)!.some((c, k) => {
      const set = sets.get(`applications.${d.code}.${c}`);
      return set !== undefined && set.size < 2 && rowSplits[i]!.some((sp) => !set.has(reading(sp[k]!, k)));
    }));
    if (!news) continue;
    const vals = rowSplits.map((sp) => distinctVectors(sp.map((x) => x.map((t, k) => tokenValue(t, cols[k]!) ?? 0))));
    const sup = findSupports(new Map(rows.map((d, i) => [d.code, vals[i]!.vectors])), equations, big());
    if (!sup.consistent) continue;
    consistent++;
    rows.forEach((d, i) => {
      const ok = new Set(sup.possible.get(d.code));
      rowSplits[i]!.forEach((sp, j) => {
        if (!ok.has(vals[i]!.of[j]!)) return;
        codesOf.get(d.code)!.forEach((c, k) => sets.get(`applications.${d.code}.${c}`)?.add(reading(sp[k]!, k)));
      });
    });
  }
  return { sets, note: consistent === 0 ? 'no consistent cut solved' : undefined };
}

function cellAt(report: AnnualReport, key: string): Cell | undefined {
  const parts = key.split('.');
  const rows = report.tables[parts[0] as keyof AnnualReport['tables']] as unknown as Record<string, Record<string, Cell> | undefined> | undefined;
  return rows?.[parts.slice(1, -1).join('.')]?.[parts[parts.length - 1]!];
}

const expectKey = (e: string): string => (e === 'blank' ? 'blank' : e.replace(/^number /, ''));
const tally = { flaggedForRow: 0, ambiguous: 0, determined: 0, truthOut: 0, notCovered: 0 };
const examples: string[] = [];
for (let seed = from; seed < from + count; seed++) {
  const { bytes, values } = renderLossy('pdftotext-raw', seed);
  const doc = await ingest(bytes, `s-${seed}.txt`) as CellDocument;
  let report;
  try { report = parseDocument(doc); } catch { console.log('refused', seed); continue; }
  const forRow = compareCells(values, report).filter((m) => {
    const note = cellAt(report, m.cell)?.note ?? '';
    return m.found.startsWith('text') && m.cell.startsWith('applications.') && !/splits \d+ ways|too many ways/.test(note);
  });
  if (forRow.length === 0) continue;
  const t0 = Date.now();
  // The rows the reader placed (none of their cells flagged for its row) keep their figures: as many as they print.
  const inDoubt = new Set(forRow.map((m) => m.cell.split('.').slice(1, -1).join('.')));
  const pinned = new Map(Object.entries(values.tables.applications).filter(([r]) => !inDoubt.has(r))
    .map(([r, cells]) => [r, Object.values(cells as Record<string, unknown>).filter((v) => v !== null).length]));
  const o = oracle(doc, values.edition, new Map(forRow.map((m) => [m.cell, m.expected])), pinned);
  if (Date.now() - t0 > 5000) console.log(seed, `${Date.now() - t0} ms`);
  if (o.note) console.log(seed, o.note);
  for (const m of forRow) {
    tally.flaggedForRow++;
    const set = o.sets.get(m.cell);
    if (!set) { tally.notCovered++; continue; }
    if (!set.has(expectKey(m.expected))) { tally.truthOut++; console.log('truth not among the readings', seed, m.cell, m.expected, [...set]); }
    if (set.size === 0) continue; // no reading at all (a row the oracle does not take as printed): counted above
    if (set.size > 1) tally.ambiguous++;
    else { tally.determined++; examples.push(`seed ${seed} ${m.cell} = ${[...set][0]} (${m.expected}); reader: ${cellAt(report, m.cell)?.note?.slice(0, 160)}`); }
  }
}
console.log(tally);
console.log(examples.join('\n'));
