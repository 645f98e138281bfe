/**
 * Are the cells a lossy reading flags really undetermined? (README, "Lossy renderings".) For each generated report
 * of a seed range, in flattened text or raw pdftotext, every split of every row's digit run is listed with no cap and
 * no step limit, and the template's rules are solved over all rows together: table 三's column equations with the
 * row totals and the bounds of rows not printed or not read, table 四 by its three totals and the figures the text
 * states, table 二 row by row (it has no arithmetic). A cell the reader flagged for its split counts as determined
 * when every joint solution gives it the same reading, ambiguous when two or more do. Cells flagged for another
 * reason (which row a line of figures is) are counted as not covered. Readings are the printed figures, before any
 * stated unit: a 元 amount the generator stated ("单位：元") is the true 万元 value times 10,000, so such a cell
 * shows as `truthOut` (true value not among the readings) while still counted by how many readings it has.
 *
 *   node --import tsx bench/lossy-oracle.ts [flat-text|pdftotext-raw] [FROM] [COUNT]
 *
 * A measuring tool, not part of xxgk: slow (no step limit), prints counts and the determined cells.
 */
import { ingest } from '../pipeline/ingest/index.ts';
import type { CellDocument } from '../pipeline/ingest/types.ts';
import { parseDocument } from '../pipeline/parse/index.ts';
import { compareCells } from '../pipeline/synth/compare.ts';
import { renderLossy, type LossyRendering } from '../pipeline/synth/lossy-score.ts';
import { findSections } from '../pipeline/parse/find-sections.ts';
import { isPageNumber } from '../pipeline/parse/normalize.ts';
import { flatLines } from '../pipeline/parse/flat-rows.ts';
import { rawLines } from '../pipeline/parse/raw-lines.ts';
import { alignFlat } from '../pipeline/parse/flat-align.ts';
import { readNarrative } from '../pipeline/parse/narrative.ts';
import { columnSpecs } from '../pipeline/parse/flat-plan.ts';
import { APPEALS, APPLICATIONS, PROACTIVE, type Edition, type TableDef, columnsOf } from '../pipeline/model/template.ts';
import type { AnnualReport, Cell } from '../pipeline/model/report.ts';
import { Budget, splitRun, tokenValue, type Split } from '../pipeline/parse/split-digits.ts';
import { applicationEquations } from '../pipeline/parse/application-equations.ts';
import { findSupports } from '../pipeline/parse/flat-solve.ts';
import { distinctVectors } from '../pipeline/parse/distinct-vectors.ts';
import { splitOptions } from '../pipeline/parse/split-options.ts';

const rendering = (process.argv[2] ?? 'flat-text') as LossyRendering;
const from = Number(process.argv[3] ?? 0), count = Number(process.argv[4] ?? 200);
const big = () => new Budget(5e8).part(2e8);
const reading = (t: string, col: { money?: boolean; signed?: boolean }): string => {
  const v = tokenValue(t.trim(), col);
  return t.trim() === '' ? 'blank' : v === null ? 'na' : String(v);
};
/** per cell key table.row.col → set of readings possible under joint constraints */
function oracle(doc: CellDocument, edition: Edition): { sets: Map<string, Set<string>>; notes: string[] } {
  const sets = new Map<string, Set<string>>();
  const notes: string[] = [];
  const cells = doc.cells.filter((c) => !isPageNumber(c.text));
  const s = findSections(cells);
  const toLines = (id: 'proactive' | 'applications' | 'appeals', t: TableDef) => {
    const sl = cells.slice(s[id]!.start, s[id]!.end);
    return rendering === 'pdftotext-raw' ? rawLines(sl, t, edition) : flatLines(sl);
  };
  // table 二: each row alone
  for (const [id, table] of [['proactive', PROACTIVE], ['applications', APPLICATIONS]] as const) {
    const aligned = alignFlat('x', table, edition, toLines(id, table));
    const rows = new Map<string, { splits: Split[]; cols: ReturnType<typeof columnSpecs>; codes: readonly string[] }>();
    for (const [def, line] of aligned.rows) {
      const codes = columnsOf(table, def, edition);
      const cols = columnSpecs(table, codes);
      const check = table === APPLICATIONS ? (v: readonly number[]) => v.length < codes.length || v.slice(0, -1).reduce((a, x) => a + x, 0) === v[v.length - 1] : undefined;
      const splits = line ? splitRun(line.run, cols, big(), { what: 'x', whole: line.whole === true, check, limit: 2e6 }) : [codes.map(() => '')];
      if (splits.length >= 2e6) notes.push(`${id}.${def.code}: split cap`);
      rows.set(def.code, { splits, cols, codes });
    }
    let keep = new Map([...rows].map(([r, x]) => [r, x.splits.map((_, i) => i)]));
    if (table === APPLICATIONS) {
      const printed = new Set(rows.keys());
      const eqs = applicationEquations(printed, new Set([...aligned.missing, ...[...aligned.unplaced.keys()].map((d) => d.code)]));
      const vals = new Map([...rows].map(([r, x]) => [r, distinctVectors(x.splits.map((sp) => sp.map((t, k) => tokenValue(t, x.cols[k]!) ?? 0)))]));
      const sup = findSupports(new Map([...vals].map(([r, v]) => [r, v.vectors])), eqs, big());
      if (!sup.complete) notes.push('table 三 search incomplete');
      if (!sup.consistent) notes.push('table 三 inconsistent');
      keep = new Map([...rows].map(([r]) => { const ok = new Set(sup.possible.get(r)); const of = vals.get(r)!.of; return [r, of.flatMap((v, i) => (ok.has(v) ? [i] : []))]; }));
    }
    for (const [r, x] of rows) x.codes.forEach((c, k) => sets.set(`${id}.${r}.${c}`, new Set(keep.get(r)!.map((i) => reading(x.splits[i]![k]!, x.cols[k]!)))));
  }
  // table 四
  const lines = toLines('appeals', APPEALS).filter((l) => l.run !== '');
  const unl = lines.filter((l) => l.label === '');
  const used = unl.length > 0 ? unl : lines;
  const run = used.map((l) => l.run).join(' ');
  const codes = APPEALS.rows.flatMap((r) => columnsOf(APPEALS, r, edition).map((c) => `${r.code}.${c}`));
  const cols = columnSpecs(APPEALS, codes.map((c) => c.split('.')[1]!));
  const totals = new Set([4, 9, 14]);
  const whole = used.every((l) => l.whole);
  const narrative = readNarrative([...cells.slice(0, s.proactive!.heading), ...cells.slice(s.appeals!.end)]);
  const rec = narrative.find((f) => f.key === 'reconsideration')?.value;
  const lit = narrative.find((f) => f.key === 'litigation')?.value;
  const all = splitOptions(run, [run], cols, totals, big(), 'x', whole);
  let opts = all.cells.map((m) => new Set([...m.keys()]));
  if (all.count > 1 && (rec !== undefined || lit !== undefined)) {
    const acc = cols.map(() => new Set<string>());
    let n = 0;
    const firsts = lit === undefined ? [undefined] : [...new Set([...all.cells[9]!.keys()].map((t) => tokenValue(t, {}) ?? 0))];
    for (const f of firsts) {
      const fixed = new Map<number, number>();
      if (rec !== undefined) fixed.set(4, rec);
      if (lit !== undefined && f !== undefined) { if (f > lit) continue; fixed.set(9, f).set(14, lit - f); }
      const o = splitOptions(run, [run], cols, totals, big(), 'x', whole, fixed);
      n += o.count; o.cells.forEach((m, k) => { for (const t of m.keys()) acc[k]!.add(t); });
    }
    if (n > 0) opts = acc;
  }
  codes.forEach((c, k) => sets.set(`appeals.${c}`, new Set([...opts[k]!].map((t) => reading(t, cols[k]!)))));
  return { sets, notes };
}

/** The cell of a compareCells key "table.row….column". */
function cellAt(report: AnnualReport, key: string): Cell | undefined {
  const parts = key.split('.');
  const rows = report.tables[parts[0] as keyof AnnualReport['tables']] as unknown as Record<string, Record<string, Cell> | undefined> | undefined;
  return rows?.[parts.slice(1, -1).join('.')]?.[parts[parts.length - 1]!];
}

const expectKey = (e: string): string => (e === 'blank' ? 'blank' : e === 'not_applicable' ? 'na' : e.replace(/^number /, ''));
let flagged = 0, ambiguous = 0, determined = 0, truthOut = 0, notCovered = 0;
const detEx: string[] = [];
const byTable = new Map<string, [number, number]>();
for (let seed = from; seed < from + count; seed++) {
  const { bytes, values } = renderLossy(rendering, seed);
  const doc = await ingest(bytes, `s-${seed}.txt`) as CellDocument;
  let report;
  try { report = parseDocument(doc); } catch { console.log('refused', seed); continue; }
  const mism = compareCells(values, report).filter((m) => m.found.startsWith('text') || m.found === 'absent');
  if (mism.length === 0) continue;
  let o;
  try { o = oracle(doc, values.edition); } catch (e) { console.log('oracle failed', seed, (e as Error).message.slice(0, 200)); continue; }
  if (o.notes.length) console.log(seed, o.notes.join('; '));
  for (const m of mism) {
    flagged++;
    const set = o.sets.get(m.cell);
    const t = m.cell.split('.')[0]!;
    const bt = byTable.get(t) ?? [0, 0];
    const cellObj = cellAt(report, m.cell);
    if (!set || !/splits \d+ ways|too many ways/.test(cellObj?.note ?? '')) { notCovered++; continue; }
    if (!set.has(expectKey(m.expected))) { truthOut++; console.log('truth not in oracle set', seed, m.cell, m.expected, [...set]); }
    if (set.size > 1) { ambiguous++; bt[0]++; } else { determined++; bt[1]++; if (detEx.length < 4000) detEx.push(`seed ${seed} ${m.cell} = ${[...set][0]} (${m.expected}); reader: ${cellObj?.note?.slice(0, 120)}`); }
    byTable.set(t, bt);
  }
}
console.log({ flagged, ambiguous, determined, truthOut, notCovered }, byTable);
console.log(detEx.join('\n'));
