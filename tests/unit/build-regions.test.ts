/**
 * data/regions.csv: registry bodies' reports summed by year, division, scope and level. Every row equals the sums
 * recomputed here from observations.csv (own: the division's bodies; within: every body whose division code lies in
 * it by GB/T 2260 prefix), the set of rows is exactly the groups that have reports, includes_warnings marks a sum
 * with a flagged report, unresolved reports are left out, and the file fits its Table Schema.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { joinedCsv } from '../helpers/release.ts';
import { buildBodies, BODIES, type BuiltBodies } from '../helpers/body-release.ts';
import { cellNumber, figuresFromObservations, readCsv, type Observed } from '../helpers/observed-figures.ts';
import { checkTables } from '../helpers/table-schema-check.ts';
import { enclosingDivisions } from '../../pipeline/datasets/to-regions.ts';
import type { TableSchema } from '../../pipeline/datasets/table-schemas.ts';

const FIGURES = ['received', 'carried_over', 'handled', 'granted', 'partially_granted', 'refused', 'unavailable',
  'not_processed', 'other', 'carried_forward', 'reconsiderations', 'lawsuits', 'appeals', 'appeals_corrected'];

let built: BuiltBodies;
let rows: Array<Record<string, string>>;
before(async () => {
  built = await buildBodies();
  rows = readCsv(built.files.get('data/regions.csv')!);
});

/** Does a body serving `division` count in the `within` sum of `code`? Read straight off the code's trailing zeros. */
function inside(division: string, code: string): boolean {
  if (code.endsWith('0000')) return division.startsWith(code.slice(0, 2));
  if (code.endsWith('00')) return division.startsWith(code.slice(0, 4));
  return division === code;
}

interface Member { id: string; year: number; division: string; level: string; warnings: number; figures: Observed }

function members(): Member[] {
  const observed = figuresFromObservations(joinedCsv(built.files, 'data/observations.csv'));
  const reports = readCsv(joinedCsv(built.files, 'data/reports.csv'));
  return built.reports.filter((r) => r.report.body).map((r) => ({
    id: r.report.id,
    year: r.report.year,
    division: r.report.body!.division,
    level: r.report.body!.level,
    warnings: Number(reports.find((x) => x.report_id === r.report.id)!.warnings),
    figures: observed.get(r.report.id)!,
  }));
}

const key = (r: Record<string, string | number | undefined>) => `${r.year}|${r.division}|${r.scope}|${r.level}`;

test('regions.csv fits its Table Schema: required cells, enums, primary key (year, division, scope, level)', () => {
  const pkg = JSON.parse(built.files.get('datapackage.json')!) as { resources: Array<{ name: string; path: string; schema: TableSchema }> };
  const resource = pkg.resources.find((r) => r.name === 'regions')!;
  assert.equal(resource.path, 'data/regions.csv');
  assert.deepEqual(resource.schema.primaryKey, ['year', 'division', 'scope', 'level']);
  assert.equal(resource.schema.foreignKeys, undefined);
  const csv = built.files.get('data/regions.csv')!;
  assert.deepEqual(checkTables([{ name: 'regions', csv, schema: resource.schema }]), []);
  const first = csv.split('\r\n')[1]!;
  assert.ok(checkTables([{ name: 'regions', csv: `${csv}${first}\r\n`, schema: resource.schema }]).some((p) => /not unique/.test(p)));
  assert.ok(checkTables([{ name: 'regions', csv: csv.replace(',within,', ',below,'), schema: resource.schema }]).some((p) => /not one of/.test(p)));
});

test('every row is the sum of its reports\' figures recomputed from observations.csv, and no group is missing', () => {
  const all = members();
  const expected = new Map<string, { reports: number; warned: number; figures: Record<string, number | null> }>();
  const add = (k: string, m: Member) => {
    const e = expected.get(k) ?? { reports: 0, warned: 0, figures: Object.fromEntries(FIGURES.map((f) => [f, null])) };
    e.reports++;
    if (m.warnings > 0) e.warned++;
    for (const f of FIGURES) if (m.figures[f] !== null) e.figures[f] = (e.figures[f] ?? 0) + m.figures[f]!;
    expected.set(k, e);
  };
  // Candidate divisions: every code a body serves and the codes above it (province xx0000, prefecture xxxx00).
  const codes = new Set(all.flatMap((m) => [m.division, `${m.division.slice(0, 4)}00`, `${m.division.slice(0, 2)}0000`]));
  for (const m of all) {
    for (const level of [m.level, 'all']) {
      add(key({ year: m.year, division: m.division, scope: 'own', level }), m);
      for (const code of codes) if (inside(m.division, code)) add(key({ year: m.year, division: code, scope: 'within', level }), m);
    }
  }
  assert.deepEqual(rows.map(key).sort(), [...expected.keys()].sort(), 'exactly the groups that have reports');
  for (const row of rows) {
    const e = expected.get(key(row))!;
    assert.equal(Number(row.reports), e.reports, key(row));
    assert.equal(Number(row.reports_with_warnings), e.warned, key(row));
    assert.equal(row.includes_warnings, e.warned > 0 ? 'true' : 'false', key(row));
    for (const f of FIGURES) assert.equal(cellNumber(row[f]), e.figures[f], `${key(row)} ${f}`);
  }
});

test('a prefecture rolls up its districts and counties; a province its prefectures; other provinces stay apart', () => {
  const get = (year: number, division: string, scope: string, level: string) =>
    rows.find((r) => key(r) === key({ year, division, scope, level }));
  // 2024: the city government (320800) with 洪泽区 (320813) and 涟水县 (320826); the province government at 320000.
  assert.equal(get(2024, '320800', 'own', 'all')!.reports, '1');
  assert.equal(get(2024, '320800', 'within', 'all')!.reports, '3');
  assert.equal(get(2024, '320800', 'within', 'county')!.reports, '2');
  assert.equal(get(2024, '320000', 'within', 'all')!.reports, '4');
  assert.equal(get(2024, '320000', 'own', 'province')!.reports, '1');
  assert.equal(get(2024, '320000', 'own', 'city'), undefined, 'no row for a group without reports');
  // 2021 and 2023: the city's department counts with its government at 320800.
  assert.equal(get(2023, '320800', 'own', 'city')!.reports, '2');
  assert.equal(get(2019, '370000', 'within', 'all')!.reports, '1', '冠县 rolls up into Shandong, not Jiangsu');
  assert.equal(get(2019, '320000', 'within', 'all')!.reports, '1');
  assert.deepEqual(enclosingDivisions('320813'), ['320813', '320800', '320000']);
  assert.deepEqual(enclosingDivisions('320800'), ['320800', '320000']);
  assert.deepEqual(enclosingDivisions('320000'), ['320000']);
  const received = (d: string, scope: string) => Number(get(2024, d, scope, 'all')!.received);
  const byId = (id: string) => Number(readCsv(joinedCsv(built.files, 'data/timeseries.csv')).find((r) => r.report_id === id)!.received);
  assert.equal(received('320800', 'within'), byId('jiangsu-huaian-2024') + byId('jiangsu-huaian-hongze-2024') + byId('jiangsu-huaian-lianshui-2024'));
});

test('includes_warnings marks every sum with a flagged report; unresolved reports are not summed', () => {
  const flagged = rows.filter((r) => r.includes_warnings === 'true');
  assert.ok(flagged.length > 0 && flagged.length < rows.length);
  assert.equal(rows.find((r) => key(r) === '2022|320800|own|city')!.includes_warnings, 'true', 'the planted warning of 2022');
  const resolved = built.reports.filter((r) => r.report.body);
  assert.ok(resolved.length < built.reports.length, 'the fixture has an unresolved report');
  for (const year of new Set(built.reports.map((r) => r.report.year))) {
    const own = rows.filter((r) => r.year === String(year) && r.scope === 'own' && r.level === 'all');
    const count = own.reduce((n, r) => n + Number(r.reports), 0);
    assert.equal(count, resolved.filter((r) => r.report.year === year).length, `${year}: each resolved report once in the own/all rows`);
  }
  assert.ok(!rows.some((r) => !Object.values(BODIES).some((b) => inside(b.division, r.division!))), 'only divisions of registry bodies');
});

test('every division is named, with its prefecture and province: from the division list, else the registry government', async () => {
  const { loadDivisionNames } = await import('../../pipeline/adapters/registry.ts');
  const { regionNames } = await import('../../pipeline/datasets/to-regions.ts');
  const summaries = built.result.context.reports;
  const listed = regionNames({ reports: summaries, divisions: await loadDivisionNames() });
  assert.deepEqual(listed('320813'), { name: '洪泽区', city: '淮安市', province: '江苏省' });
  assert.deepEqual(listed('320800'), { name: '淮安市', city: '淮安市', province: '江苏省' });
  assert.deepEqual(listed('320000'), { name: '江苏省', province: '江苏省' });
  assert.deepEqual(listed('110101'), { name: '东城区', province: '北京市' }, 'a municipality\'s district has no prefecture');
  // Without the division list, the registry's governments name their divisions (淮安市洪泽区人民政府 → 洪泽区).
  const own = regionNames({ reports: summaries });
  assert.deepEqual(own('320813'), { name: '洪泽区', city: '淮安市', province: '江苏省' });
  assert.equal(own('999999'), null);
  for (const r of rows) {
    assert.equal(r.division_name, own(r.division!)?.name ?? '', `${r.division}: its name in regions.csv`);
    assert.equal(r.province_name, own(r.division!)?.province ?? '');
  }
  assert.ok(rows.some((r) => r.division === '320813' && r.division_name === '洪泽区' && r.city_name === '淮安市'));
});
