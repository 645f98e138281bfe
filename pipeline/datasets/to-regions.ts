/**
 * data/regions.csv: the reports of registry bodies summed by year, division, scope and level. Scope "own" counts the
 * bodies whose division is the code; "within" also the bodies of its subdivisions, by GB/T 2260 code prefix (a
 * province xx0000 holds every xx…, a prefecture xxxx00 every xxxx…). Level "all" sums every level. Reports without a
 * registry body have no division or level and are left out (timeseries.csv lists them, resolved false). Pure.
 */
import { FIGURE_KEYS } from './figures.ts';
import { REGIONS_CSV, REGION_LEVELS, type RegionLevel, type RegionScope } from './table-schemas-series.ts';
import { csvHeader, csvTableSpec } from './table-schemas.ts';
import { csvHead, csvRecords, type CsvValue } from './to-csv-format.ts';
import type { DivisionNames, Figures, ReleaseContext, ReportSummary } from './types.ts';

export interface RegionRow {
  year: number;
  division: string;
  scope: RegionScope;
  level: RegionLevel;
  reports: number;
  reports_with_warnings: number;
  figures: Figures;
}

/** A division and the divisions that contain it, by code prefix: 320813 → 320813, 320800, 320000. */
export function enclosingDivisions(code: string): string[] {
  const out = [code];
  for (const up of [`${code.slice(0, 4)}00`, `${code.slice(0, 2)}0000`]) if (!out.includes(up)) out.push(up);
  return out;
}

const emptyFigures = (): Figures => Object.fromEntries(FIGURE_KEYS.map((k) => [k, null])) as unknown as Figures;
const flagged = (s: ReportSummary) => s.warnings > 0 || s.errors > 0;

/** The rows of regions.csv, sorted by year, division, scope (own, within) and level (province … township, all). */
export function regionRows(reports: readonly ReportSummary[]): RegionRow[] {
  const rows = new Map<string, RegionRow>();
  const add = (s: ReportSummary, division: string, scope: RegionScope, level: RegionLevel) => {
    const key = `${s.year}|${division}|${scope}|${level}`;
    let row = rows.get(key);
    if (!row) {
      row = { year: s.year, division, scope, level, reports: 0, reports_with_warnings: 0, figures: emptyFigures() };
      rows.set(key, row);
    }
    row.reports += 1;
    if (flagged(s)) row.reports_with_warnings += 1;
    for (const k of FIGURE_KEYS) {
      const v = s.figures[k];
      if (v !== null) row.figures[k] = (row.figures[k] ?? 0) + v;
    }
  };
  for (const s of reports) {
    if (!s.body) continue;
    const { division, level } = s.body;
    for (const l of [level, 'all'] as const) {
      add(s, division, 'own', l);
      for (const d of enclosingDivisions(division)) add(s, d, 'within', l);
    }
  }
  const levelOrder = (l: RegionLevel) => REGION_LEVELS.indexOf(l);
  return [...rows.values()].sort((a, b) => a.year - b.year
    || (a.division < b.division ? -1 : a.division > b.division ? 1 : 0)
    || (a.scope < b.scope ? -1 : a.scope > b.scope ? 1 : 0)
    || levelOrder(a.level) - levelOrder(b.level));
}

const GOVERNMENT = /人民政府$/;

/**
 * The names of the divisions: the division list's, else (a division the list does not have, such as the samples'
 * invented ones) the name of the registry government serving it without 人民政府 and without the name of the
 * division above it (兰川市西陵区人民政府 → 西陵区). The prefecture and province come by code prefix.
 */
export function regionNames(ctx: Pick<ReleaseContext, 'reports' | 'divisions'>): (code: string) => DivisionNames | null {
  const known = ctx.divisions ?? new Map<string, DivisionNames>();
  const own = new Map<string, string>();
  for (const s of ctx.reports) {
    const b = s.body;
    if (b && b.kind === 'government' && GOVERNMENT.test(b.name) && !known.has(b.division)) own.set(b.division, b.name.replace(GOVERNMENT, ''));
  }
  const nameOf = (code: string): string | undefined => {
    if (known.has(code)) return known.get(code)!.name;
    const full = own.get(code);
    if (full === undefined) return undefined;
    const above = enclosingDivisions(code).slice(1).map((c) => known.get(c)?.name ?? own.get(c));
    const prefix = above.find((p): p is string => p !== undefined && full.startsWith(p) && full.length > p.length);
    return prefix ? full.slice(prefix.length) : full;
  };
  return (code) => {
    const listed = known.get(code);
    if (listed) return listed;
    const name = nameOf(code);
    if (name === undefined) return null;
    const city = code.endsWith('00') && !code.endsWith('0000') ? name : nameOf(`${code.slice(0, 4)}00`);
    const province = code.endsWith('0000') ? name : nameOf(`${code.slice(0, 2)}0000`);
    return { name, ...(city !== undefined && !code.endsWith('0000') ? { city } : {}), ...(province !== undefined ? { province } : {}) };
  };
}

export function regionsCsv(ctx: ReleaseContext): string {
  const spec = csvTableSpec(REGIONS_CSV)!;
  const names = regionNames(ctx);
  const rows = regionRows(ctx.reports).map((r) => {
    const n = names(r.division);
    const record: Record<string, CsvValue> = {
      year: r.year, division: r.division, division_name: n?.name ?? null, city_name: n?.city ?? null,
      province_name: n?.province ?? null, scope: r.scope, level: r.level, reports: r.reports,
      reports_with_warnings: r.reports_with_warnings, includes_warnings: r.reports_with_warnings > 0, ...r.figures,
    };
    return spec.columns.map((c) => {
      if (!(c.name in record)) throw new Error(`regions.csv: no value for column ${c.name}`);
      return record[c.name] ?? null;
    });
  });
  return csvHead(csvHeader(REGIONS_CSV)) + csvRecords(rows);
}
