/**
 * data/coverage.csv: one row per expected body and year due; found, dates, days after the deadline and status equal
 * a count made here by hand from the inputs; the file fits its Table Schema; the site pages show the shares.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type CoverageInput, type CoverageRow, type FoundReport, coverageRows, coverageYears, lastYearDue } from '../../pipeline/datasets/coverage.ts';
import { coveragePages } from '../../pipeline/datasets/site/coverage-page.ts';
import { coverageFromRows } from '../../pipeline/datasets/coverage-from-rows.ts';
import { parseCoverageCsv } from '../../pipeline/datasets/from-coverage-csv.ts';
import type { ValidatedReport } from '../../pipeline/datasets/types.ts';
import { COVERAGE } from '../../pipeline/datasets/table-schemas-coverage.ts';
import { tableSchema } from '../../pipeline/datasets/table-schemas.ts';
import { coverageCsv, coverageCsvChunks } from '../../pipeline/datasets/to-coverage.ts';
import { writeCoverage } from '../../pipeline/datasets/coverage-files.ts';
import { folderSink } from '../../pipeline/adapters/output.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scratchDir } from '../helpers/scratch.ts';
import { DEFAULT_META } from '../../pipeline/datasets/defaults.ts';
import type { AgencyRef } from '../../pipeline/model/agency.ts';
import { checkTables, parseCsv } from '../helpers/table-schema-check.ts';

const body = (id: string, division: string, level: AgencyRef['level']): AgencyRef => ({ id, name: `${id} 人民政府`, division, level, kind: 'government' });
const A = body('a-city', '320800', 'city');
const B = body('b-county', '320803', 'county');
const C = body('c-county', '320804', 'county');
const found = (b: AgencyRef, year: number, signed: string | null, valid = true): FoundReport => ({
  key: b.id, body: b, name: b.name, region: b.division, year, reportId: `${b.id}-${year}`, signed, valid, documents: [`src/${b.id}-${year}.html`],
});

const input: CoverageInput & { found: FoundReport[] } = {
  expected: [{ body: A, source: 'a', by: 'source' }, { body: B, source: null, by: 'division' }],
  found: [
    found(A, 2021, '2022-01-15'),
    found(A, 2022, '2023-03-01'),
    found(B, 2022, null),
    found(C, 2021, '2022-01-31', false),
    found(C, 2019, '2020-02-10'),
  ],
  documents: new Map([
    ['src/a-city-2021.html', { url: 'http://gov.example/a/2021.html', posted: '2022-01-20' }],
    ['src/a-city-2022.html', { url: 'http://gov.example/a/2022.html', posted: null }],
  ]),
  since: 2021,
  lastYear: 2022,
};

test('the rows: every expected body for every year due, with dates, days after 31 January and status', () => {
  const rows = coverageRows(input);
  const brief = rows.map((r) => [r.year, r.body_id, r.expected_by, r.status, r.published, r.published_from, r.days_after_deadline, r.valid, r.url]);
  assert.deepEqual(brief, [
    [2019, 'c-county', 'history', 'late', '2020-02-10', 'signature', 10, true, null],
    [2020, 'c-county', 'history', 'missing', null, null, null, null, null],
    [2021, 'a-city', 'source', 'on_time', '2022-01-20', 'page', -11, true, 'http://gov.example/a/2021.html'],
    [2021, 'b-county', 'division', 'missing', null, null, null, null, null],
    [2021, 'c-county', 'history', 'on_time', '2022-01-31', 'signature', 0, false, null],
    [2022, 'a-city', 'source', 'late', '2023-03-01', 'signature', 29, true, 'http://gov.example/a/2022.html'],
    [2022, 'b-county', 'division', 'undated', null, null, null, true, null],
    [2022, 'c-county', 'history', 'missing', null, null, null, null, null],
  ]);
  // An independent count: expected rows = Σ over bodies of the years from its first to the last due.
  const firsts = { 'a-city': 2021, 'b-county': 2021, 'c-county': 2019 };
  assert.equal(rows.length, Object.values(firsts).reduce((n, first) => n + (2022 - first + 1), 0));
  const foundKeys = new Set(input.found.map((f) => `${f.key}|${f.year}`));
  assert.equal(rows.filter((r) => r.found).length, foundKeys.size);
  assert.equal(rows.filter((r) => r.status === 'missing').length, rows.length - foundKeys.size);
});

test('coverage.csv fits its Table Schema; a broken status does not', () => {
  const csv = coverageCsv(coverageRows(input));
  const schema = tableSchema(COVERAGE, false);
  assert.deepEqual(checkTables([{ name: 'coverage', csv, schema }]), []);
  const table = parseCsv(csv);
  assert.deepEqual(table[0], COVERAGE.columns.map((c) => c.name));
  assert.equal(table.length, 1 + 8);
  assert.ok(checkTables([{ name: 'coverage', csv: csv.replace(',late,', ',tardy,'), schema }]).some((p) => /not one of/.test(p)));
});

test('coverage.csv reads back into the rows it was written from (publishing rebuilds a folder from its files)', () => {
  const rows = coverageRows(input);
  // A name a spreadsheet would run is written with a leading ' and read back without it.
  rows[0] = { ...rows[0]!, body_name: '=a-city, "人民政府"' };
  const csv = coverageCsv(rows);
  assert.deepEqual(parseCoverageCsv(csv), rows);
  assert.equal(coverageCsv(parseCoverageCsv(csv)!), csv);
  assert.equal(parseCoverageCsv(csv.replace('body_id', 'body')), null, 'another header is not this version\'s file');
  assert.equal(parseCoverageCsv(csv.replace(',late,', ',tardy,')), null);
});

test('publishing rebuilds the same rows from coverage.csv and the reports the release holds; a withdrawn report is missing', () => {
  const rows = coverageRows(input);
  // The release holds the valid reports found (C 2021 was kept out for its errors: only the rows know it).
  const held = input.found.filter((f) => f.valid).map((f) => ({
    report: { id: f.reportId, year: f.year, body: f.body ?? undefined, agency: f.name, region: f.region, published: f.signed, sources: f.documents.map((name) => ({ name })) },
    validation: { valid: true, issues: [] },
  })) as unknown as ValidatedReport[];
  assert.deepEqual(coverageRows(coverageFromRows(rows, held)), rows);
  const withdrawn = coverageRows(coverageFromRows(rows, held.filter((v) => v.report.id !== 'a-city-2021')));
  assert.deepEqual(withdrawn.find((r) => r.body_id === 'a-city' && r.year === 2021)?.status, 'missing');
  assert.equal(withdrawn.length, rows.length);
});

test('the last year due: reports are due by 31 January of the next year', () => {
  assert.equal(lastYearDue('2025-01-31'), 2023);
  assert.equal(lastYearDue('2025-02-01'), 2024);
  assert.equal(lastYearDue('2026-12-05'), 2025);
});

test('the site: a page per year with shares by level and division and the lists, and an index', () => {
  const ctx = { meta: DEFAULT_META, reports: [], files: [], modified: '2025-01-01', years: null, coverage: coverageRows(input) };
  const pages = new Map([...coveragePages(ctx)].map((p) => [p.path, p.content]));
  assert.deepEqual([...pages.keys()], ['coverage/2022.html', 'coverage/2021.html', 'coverage/2020.html', 'coverage/2019.html', 'coverage/index.html']);
  const y2022 = pages.get('coverage/2022.html')!;
  assert.match(y2022, /<th scope="row">.*县级.*<\/th><td class="num">2<\/td><td class="num">0 <small>\(0\.0%\)<\/small><\/td><td class="num">0 <small>\(0\.0%\)<\/small><\/td><td class="num">1 <small>\(50\.0%\)<\/small><\/td><td class="num">1 <small>\(50\.0%\)<\/small><\/td>/);
  assert.match(y2022, /a-city 人民政府 <small>320800 · 2023-03-01 · .*逾期 29 天/);
  assert.match(pages.get('coverage/index.html')!, /href="2021\.html">2021<\/a><\/th><td class="num">3<\/td><td class="num">66\.7%<\/td>/);
});

test('the coverage files are written a thousand rows at a time, the same bytes; the build keeps the last year\'s rows only', async () => {
  // 2,500 bodies' rows (8 a body): the file comes in 21 pieces.
  const one = coverageRows(input);
  const rows = Array.from({ length: 2_500 }, (_, k) => one.map((r) => ({ ...r, body_id: `${r.body_id}-${k}` }))).flat()
    .sort((a, b) => a.year - b.year || (a.body_id < b.body_id ? -1 : a.body_id > b.body_id ? 1 : 0));
  const chunks = [...coverageCsvChunks(rows)];
  assert.equal(chunks.length, 1 + Math.ceil(rows.length / 1_000));
  assert.ok(chunks.slice(1).every((c) => c.endsWith('\r\n')));
  const dir = scratchDir('xxgk-coverage-');
  const ctx = { meta: DEFAULT_META, reports: [], files: [], modified: '2025-01-01', years: null };
  const years = [...new Set(rows.map((r) => r.year))].map((year) => ({ year, rows: rows.filter((r) => r.year === year) }));
  const written = await writeCoverage(folderSink(dir), ctx, years);
  assert.equal(readFileSync(join(dir, 'data/coverage.csv'), 'utf8'), coverageCsv(rows));
  assert.equal(written.csv.path, 'data/coverage.csv');
  const pages = [...coveragePages({ ...ctx, coverage: rows })];
  assert.deepEqual(written.pages.map((f) => f.path), pages.map((p) => p.path));
  for (const p of pages) assert.equal(readFileSync(join(dir, p.path), 'utf8'), p.content, p.path);
  assert.deepEqual(written.latest, rows.filter((r) => r.year === 2022));
});

test('coverage of 250,000 reports: the years\' bounds are found without spreading them as arguments (V8 runs out of stack)', () => {
  const many: FoundReport[] = Array.from({ length: 250_000 }, (_, k) => ({
    key: `body-${Math.floor(k / 5)}`, body: null, name: `机关${Math.floor(k / 5)}`, region: null, year: 2020 + (k % 5),
    reportId: `body-${Math.floor(k / 5)}-${2020 + (k % 5)}`, signed: null, valid: true, documents: [],
  }));
  const rows = coverageRows({ expected: [], found: many, documents: new Map(), lastYear: null });
  assert.equal(rows.length, 250_000);
  assert.deepEqual([rows[0]!.year, rows[rows.length - 1]!.year], [2020, 2024]);
  const again = coverageFromRows(rows, []);
  assert.equal(again.lastYear, 2024);
});

/** coverageRows as it was before the rows were made a year at a time (every row at once, then sorted): the reference. */
function rowsAtOnce(input: CoverageInput & { found: FoundReport[] }): CoverageRow[] {
  const years = input.found.map((f) => f.year);
  if (years.length === 0 && input.lastYear === null) return [];
  const last = input.lastYear ?? Math.max(...years);
  const known = input.earliest === undefined ? years : [...years, input.earliest];
  const firstConfigured = input.since ?? (known.length ? Math.min(...known) : last);
  const found = new Map<string, FoundReport>();
  for (const f of input.found) {
    const k = `${f.key}|${f.year}`;
    const held = found.get(k);
    if (!held || (!held.valid && f.valid)) found.set(k, f);
  }
  type Who = { key: string; body: AgencyRef | null; name: string; region: string | null; by: CoverageRow['expected_by']; source: string | null; first: number };
  const who = new Map<string, Who>();
  for (const e of input.expected) {
    if (!who.has(e.body.id)) who.set(e.body.id, { key: e.body.id, body: e.body, name: e.body.name, region: e.body.division, by: e.by, source: e.source, first: firstConfigured });
  }
  for (const f of input.found) {
    const w = who.get(f.key);
    if (!w) who.set(f.key, { key: f.key, body: f.body, name: f.name, region: f.region, by: 'history', source: null, first: f.year });
    else if (w.by === 'history' && f.year < w.first) w.first = f.year;
  }
  const rows: CoverageRow[] = [];
  for (const w of who.values()) {
    for (let year = w.first; year <= last; year++) {
      const f = found.get(`${w.key}|${year}`);
      const doc = f?.documents.map((d) => input.documents.get(d)).find((d) => d !== undefined);
      const published = doc?.posted ?? f?.signed ?? null;
      const deadline = `${year + 1}-01-31`;
      const days = published ? Math.round((Date.parse(`${published}T00:00:00Z`) - Date.parse(`${deadline}T00:00:00Z`)) / 86_400_000) : null;
      rows.push({
        year, body_id: w.key, resolved: w.body !== null, body_name: w.name,
        division: w.body?.division ?? w.region, level: w.body?.level ?? null, kind: w.body?.kind ?? null,
        expected_by: w.by, source: w.source, found: f !== undefined, report_id: f?.reportId ?? null,
        signed: f?.signed ?? null, published, published_from: doc?.posted ? 'page' : published ? 'signature' : null,
        deadline, days_after_deadline: days,
        status: !f ? 'missing' : days === null ? 'undated' : days <= 0 ? 'on_time' : 'late',
        url: doc?.url ?? null, valid: f ? f.valid : null,
      });
    }
  }
  return rows.sort((a, b) => a.year - b.year || (a.body_id < b.body_id ? -1 : a.body_id > b.body_id ? 1 : 0));
}

test('the rows made a year at a time, the reports found read once from a generator, are the rows made at once (random inputs)', () => {
  let seed = 13;
  const rand = (n: number) => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed % n;
  };
  const pick = <T>(xs: readonly T[]): T => xs[rand(xs.length)]!;
  const bodies = [A, B, C, body('d-town', '320805', 'township'), body('a-city-2', '320806', 'city')];
  for (let trial = 0; trial < 300; trial++) {
    const documents = new Map<string, { url: string; posted: string | null }>();
    const found: FoundReport[] = Array.from({ length: rand(12) }, (_, k) => {
      const b = rand(4) === 0 ? null : pick(bodies);
      const name = b?.name ?? `unresolved ${rand(3)}`;
      const year = 2016 + rand(9);
      const doc = `src/${trial}-${k}.html`;
      if (rand(3) === 0) documents.set(doc, { url: `http://gov.example/${k}`, posted: rand(2) ? `${year + 1}-0${1 + rand(4)}-1${rand(10)}` : null });
      return {
        key: b?.id ?? `name-${name}`, body: b, name, region: b?.division ?? (rand(2) ? '320800' : null), year, reportId: `r${k}`,
        signed: rand(3) ? `${year + 1}-0${1 + rand(3)}-2${rand(10)}` : null, valid: rand(4) !== 0, documents: rand(5) ? [doc] : [],
      };
    });
    const input: CoverageInput & { found: FoundReport[] } = {
      expected: Array.from({ length: rand(4) }, () => ({ body: pick(bodies), source: rand(2) ? 'src' : null, by: pick(['source', 'division'] as const) })),
      found, documents,
      lastYear: rand(3) ? 2016 + rand(10) : null,
      ...(rand(2) ? { since: 2015 + rand(8) } : {}),
      ...(rand(3) === 0 ? { earliest: 2014 + rand(8) } : {}),
    };
    let reads = 0;
    const once = { found: (function* () { for (const f of found) { reads++; yield f; } })() };
    const years = [...coverageYears({ ...input, ...once })];
    assert.equal(reads, found.length);
    const expected = rowsAtOnce(input);
    assert.deepEqual(years.flatMap((y) => y.rows), expected, `trial ${trial}`);
    assert.deepEqual(years.map((y) => y.year), [...new Set(expected.map((r) => r.year))], `trial ${trial}: one group a year`);
    assert.ok(years.every((y) => y.rows.every((r) => r.year === y.year)));
  }
});
