/**
 * The CSV datasets: Excel-friendly encoding (BOM, CRLF, one header), RFC 4180 quoting, formula neutralisation,
 * plain-decimal numbers, blank and absent cells, flags on the cells a warning touches, the wide tables.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { REPORTS_CSV } from '../../pipeline/datasets/table-schemas.ts';
import { csvFiles, reportsCsv } from '../../pipeline/datasets/to-csv.ts';
import { BOM, neutralise, plainNumber } from '../../pipeline/datasets/to-csv-format.ts';
import type { ValidatedReport } from '../../pipeline/datasets/types.ts';
import { TABLES, TABLE_IDS, cellsOf } from '../../pipeline/model/template.ts';
import { KIND_LABELS, OBSERVATION_KINDS, rowLabel } from '../../pipeline/datasets/zh-labels.ts';
import { joinedCsv, sampleContext, sampleReports, summaryParts } from '../helpers/release.ts';

const AWKWARD = 'A "quoted", multi\nline 局';
/** Only a line break: csv-stringify alone leaves a bare LF unquoted when records end with CRLF. */
const TWO_LINES = '两行\n机关';

function build(reports: ValidatedReport[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of csvFiles()) out.set(f.path, f.head() + reports.map((r) => f.chunk(r)).join('') + f.tail());
  // reports.csv is written a part a year (report-parts.ts): read back whole.
  out.set(REPORTS_CSV, joinedCsv(summaryParts(sampleContext(reports).reports, REPORTS_CSV, reportsCsv), REPORTS_CSV));
  return out;
}

/** Sample reports with the awkward cases planted: quoting, a region, signed and money values, text, absent rows. */
function planted(): ValidatedReport[] {
  const reports = sampleReports().map((r) => structuredClone(r));
  const first = reports[0]!.report;
  assert.equal(first.edition, '2019');
  first.agency = AWKWARD;
  first.region = '320800';
  first.tables.proactive.administrative_licensing!.items_change = { kind: 'number', value: -230 };
  first.tables.proactive.centralized_procurement!.procurement_amount_10k_yuan = { kind: 'number', value: 7380.28959 };
  first.tables.proactive.administrative_penalty!.decisions = { kind: 'text', value: null, raw: '见附件' };
  reports[4]!.report.agency = TWO_LINES;
  const later = reports[3]!.report;
  assert.equal(later.edition, '2021');
  for (const column of Object.keys(later.tables.applications['other.no_correction']!)) {
    later.tables.applications['other.no_correction']![column] = { kind: 'absent', value: null };
  }
  return reports;
}

/** Parse strictly: CRLF is the only record delimiter, so a bare LF outside quotes would break the row shape. */
const rows = (csv: string): string[][] =>
  parse(csv, { bom: true, record_delimiter: '\r\n', relax_column_count: false, relax_quotes: false }) as string[][];
const records = (csv: string) => {
  const [header, ...body] = rows(csv);
  return body.map((r) => Object.fromEntries(header!.map((h, k) => [h, r[k]!])));
};

const reports = planted();
const files = build(reports);

test('csvFiles streams the tidy table and the wide tables (codes and Chinese headers), sorted by path', () => {
  const streamed = csvFiles();
  assert.deepEqual(streamed.map((f) => f.path), [
    'data/appeals-zh.csv', 'data/appeals.csv', 'data/applications-zh.csv', 'data/applications.csv',
    'data/observations-zh.csv', 'data/observations.csv', 'data/proactive-zh.csv', 'data/proactive.csv',
  ]);
  for (const f of streamed) {
    assert.equal(f.mediaType, 'text/csv');
    assert.equal(f.tail(), '');
    assert.ok(!f.chunk(reports[0]!).includes(BOM), `${f.path}: chunks carry no BOM`);
  }
});

test('every CSV: UTF-8 BOM once at the start, CRLF line endings, exactly one header row', () => {
  for (const [path, csv] of files) {
    assert.ok(csv.startsWith(`${BOM}report_id,`) || csv.startsWith(`${BOM}报告编号,`), `${path} starts with BOM + header`);
    assert.equal(csv.split(BOM).length, 2, `${path}: one BOM`);
    assert.ok(csv.endsWith('\r\n'), `${path} ends with CRLF`);
    const [header, ...body] = rows(csv);
    assert.ok(body.length > 0, `${path} has rows`);
    assert.ok(!body.some((r) => r.join() === header!.join()), `${path}: the header appears once`);
  }
  assert.equal(files.get('data/observations.csv')!.split('\r\n')[0], `${BOM}report_id,agency,region,year,edition,table,row,column,value,kind,raw,flags`);
  assert.equal(files.get('data/applications.csv')!.split('\r\n')[0],
    `${BOM}report_id,agency,year,edition,row,natural_person,commercial_enterprise,research_institution,social_welfare_org,legal_service_org,other_org,total`);
  assert.equal(files.get('data/applications-zh.csv')!.split('\r\n')[0],
    `${BOM}报告编号,机关,年度,格式版本,项目代码,项目,自然人,商业企业,科研机构,社会公益组织,法律服务机构,其他,总计`);
  assert.equal(files.get('data/proactive.csv')!.split('\r\n')[0], `${BOM}report_id,agency,year,edition,row,${TABLES.proactive.columns.map((c) => c.code).join(',')}`);
  assert.equal(files.get(REPORTS_CSV)!.split('\r\n')[0],
    `${BOM}report_id,agency,region,year,edition,published,received,granted,handled,reconsiderations,lawsuits,valid,errors,warnings,flags,sources,json`);
});

test('RFC 4180: a field with a comma, a quote or a newline is quoted, quotes doubled, and reads back unchanged', () => {
  for (const [path, csv] of files) {
    assert.ok(csv.includes('"A ""quoted"", multi\nline 局"'), `${path} quotes the awkward agency`);
    assert.ok(csv.includes(`,"${TWO_LINES}",`), `${path} quotes a field holding only a line break`);
    const agencies = records(csv).map((r) => r.agency ?? r['机关']);
    for (const name of [AWKWARD, TWO_LINES]) assert.ok(agencies.includes(name), `${path} reads ${JSON.stringify(name)} back`);
  }
  assert.ok(!files.get('data/observations.csv')!.includes('"report_id"'), 'plain fields are not quoted');
});

test('text a spreadsheet would run as a formula is neutralised; numbers are never touched', () => {
  for (const c of ['=', '+', '-', '@', '\t', '\r']) assert.equal(neutralise(`${c}x`), `'${c}x`);
  assert.equal(neutralise('机关'), '机关');
  for (const harmless of ['-', '--', '-230', '+12', '-1,234.5']) assert.equal(neutralise(harmless), harmless, `${harmless} is printed as is`);
  assert.equal(neutralise('-1+2'), "'-1+2");
  for (const [path, csv] of files) {
    const agencies = records(csv).map((r) => r.agency ?? r['机关']);
    assert.ok(agencies.includes("'=cmd|<script>alert(1)</script>局"), `${path}: the agency starting with = is neutralised`);
    for (const row of rows(csv)) {
      for (const cell of row) if (/^[=+\-@\t\r]/.test(cell)) assert.match(cell, /^(?:-+|[+-]?\d[\d,.]*)$/, `${path}: only signed numbers and dash marks start with - or +`);
    }
  }
});

test('numbers are plain decimals: signed and money values stay numbers, never an exponent', () => {
  assert.equal(plainNumber(-230), '-230');
  assert.equal(plainNumber(7380.28959), '7380.28959');
  assert.equal(plainNumber(1e21), '1000000000000000000000');
  assert.equal(plainNumber(1.5e-7), '0.00000015');
  assert.equal(plainNumber(-2.5e-9), '-0.0000000025');
  assert.equal(plainNumber(-0), '0');
  assert.throws(() => plainNumber(Number.NaN), /not a finite number/);
  const obs = records(files.get('data/observations.csv')!);
  const id = reports[0]!.report.id;
  const at = (table: string, row: string, column: string) =>
    obs.find((r) => r.report_id === id && r.table === table && r.row === row && r.column === column);
  assert.equal(at('proactive', 'administrative_licensing', 'items_change')?.value, '-230');
  assert.equal(at('proactive', 'centralized_procurement', 'procurement_amount_10k_yuan')?.value, '7380.28959');
  const wide = records(files.get('data/proactive.csv')!).find((r) => r.report_id === id && r.row === 'centralized_procurement');
  assert.equal(wide?.procurement_amount_10k_yuan, '7380.28959');
  for (const [path, csv] of files) assert.ok(!/(^|,)-?\d+(\.\d+)?e[+-]?\d/m.test(csv), `${path}: no exponent`);
});

test('observations: every printed or derived cell in template order; blank, "-" and text give an empty value', () => {
  const obs = records(files.get('data/observations.csv')!);
  for (const { report } of reports) {
    const expected = TABLE_IDS.flatMap((table) => cellsOf(TABLES[table], report.edition)
      .filter(({ row, column }) => report.tables[table][row.code]?.[column]?.kind !== 'absent')
      .map(({ row, column }) => `${table}/${row.code}/${column}`));
    const got = obs.filter((r) => r.report_id === report.id);
    assert.deepEqual(got.map((r) => `${r.table}/${r.row}/${r.column}`), expected, `${report.id}: cells in template order`);
    for (const r of got) {
      const cell = report.tables[r.table as 'proactive'][r.row!]![r.column!]!;
      const number = cell.kind === 'number' || cell.kind === 'derived';
      assert.equal(r.value, number && cell.value !== null ? plainNumber(cell.value) : '', `${report.id} ${r.table}.${r.row}.${r.column} (${cell.kind})`);
      assert.equal(r.agency, report.agency.startsWith('=') ? `'${report.agency}` : report.agency);
      assert.equal(r.region, report.region ?? '');
    }
  }
  const kinds = new Set(reports.flatMap(({ report }) => TABLE_IDS.flatMap((t) => Object.values(report.tables[t]).flatMap((row) => Object.values(row).map((c) => c.kind)))));
  for (const kind of ['blank', 'not_applicable', 'text', 'derived', 'absent']) assert.ok(kinds.has(kind as never), `the samples cover ${kind} cells`);
  assert.ok(!obs.some((r) => r.report_id === reports[3]!.report.id && r.row === 'other.no_correction'), 'absent cells are left out');
  assert.equal(obs.find((r) => r.report_id === reports[0]!.report.id && r.row === 'administrative_penalty' && r.column === 'decisions')?.value, '', 'text → empty');
});

test('flags: the cells of the planted warnings carry their rule ids, and no other cell has any', () => {
  const obs = records(files.get('data/observations.csv')!);
  const flagged = reports[1]!;
  assert.deepEqual([...new Set(flagged.validation.issues.map((i) => i.rule))].sort(), ['applications.balance', 'applications.row_total']);
  const expected = new Map<string, string[]>();
  for (const issue of flagged.validation.issues) {
    for (const ref of issue.cells ?? []) {
      const key = `${issue.table}/${ref.slice(0, ref.lastIndexOf('.'))}/${ref.slice(ref.lastIndexOf('.') + 1)}`;
      expected.set(key, [...(expected.get(key) ?? []), issue.rule].sort());
    }
  }
  assert.equal(expected.size, 10);
  for (const r of obs) {
    const want = r.report_id === flagged.report.id ? (expected.get(`${r.table}/${r.row}/${r.column}`) ?? []).join(';') : '';
    assert.equal(r.flags, want, `${r.report_id} ${r.table}.${r.row}.${r.column}`);
  }
  const at = (row: string, column: string) => obs.find((r) => r.report_id === flagged.report.id && r.table === 'applications' && r.row === row && r.column === column)?.flags;
  assert.equal(at('received', 'total'), 'applications.balance;applications.row_total');
  assert.equal(at('received', 'natural_person'), 'applications.row_total');
  assert.equal(at('carried_forward', 'total'), 'applications.balance');
  assert.equal(at('granted', 'total'), '');
});

test('wide tables: one row per report and printed row, the official columns, the same rows under both headers', () => {
  for (const table of ['applications', 'proactive', 'appeals'] as const) {
    const coded = files.get(`data/${table}.csv`)!;
    const zh = rows(files.get(`data/${table}-zh.csv`)!).slice(1);
    const wide = records(coded);
    assert.deepEqual(zh.map((r) => [...r.slice(0, 5), ...r.slice(6)]), rows(coded).slice(1), `${table}: same rows, the label beside the row code`);
    for (const r of zh) assert.equal(r[5], rowLabel(table, r[4]!), `${table}: ${r[4]} labelled`);
    for (const { report } of reports) {
      const printed = Object.entries(report.tables[table]).filter(([, cells]) => Object.values(cells).some((c) => c.kind !== 'absent'));
      const got = wide.filter((r) => r.report_id === report.id);
      assert.deepEqual(got.map((r) => r.row), printed.map(([row]) => row), `${table} ${report.id}: rows`);
      for (const r of got) {
        for (const column of TABLES[table].columns) {
          const cell = report.tables[table][r.row!]![column.code];
          const want = cell && (cell.kind === 'number' || cell.kind === 'derived') && cell.value !== null ? plainNumber(cell.value) : '';
          assert.equal(r[column.code], want, `${table} ${report.id} ${r.row}.${column.code}`);
        }
      }
    }
  }
  const proactive = records(files.get('data/proactive.csv')!).find((r) => r.edition === '2019' && r.row === 'regulations')!;
  assert.deepEqual([proactive.issued, proactive.repealed, proactive.in_force], ['', '', ''], '2021 columns are empty in a 2019 row');
});

test('reports.csv: one row per report with metadata, headline figures, validation status, sources and JSON path', () => {
  const got = records(files.get(REPORTS_CSV)!);
  const ctx = sampleContext(reports);
  assert.deepEqual(got.map((r) => r.report_id), ctx.reports.map((s) => s.id));
  const flagged = got.find((r) => r.report_id === reports[1]!.report.id)!;
  assert.equal(flagged.flags, 'applications.balance;applications.row_total');
  assert.equal(flagged.warnings, '2');
  assert.equal(flagged.valid, 'true');
  for (const [r, s] of got.map((r, k) => [r, ctx.reports[k]!] as const)) {
    assert.equal(r.json, `reports/${s.year}/${s.id}.json`);
    assert.equal(r.sources, s.sources.join(';'));
    assert.equal(r.received, s.headline.received === null ? '' : String(s.headline.received));
    assert.equal(r.published, s.published ?? '');
    assert.equal(r.region, s.region ?? '');
  }
});

test('deterministic: building twice gives identical bytes', () => {
  const again = build(planted());
  assert.deepEqual([...again.keys()], [...files.keys()]);
  for (const [path, csv] of files) assert.equal(again.get(path), csv, path);
});

test('observations: kind tells a number from a blank, "-", text or a derived value; raw is the cell as printed', () => {
  const obs = records(files.get('data/observations.csv')!);
  for (const { report } of reports) {
    for (const r of obs.filter((o) => o.report_id === report.id)) {
      const cell = report.tables[r.table as 'proactive'][r.row!]![r.column!]!;
      assert.equal(r.kind, cell.kind, `${report.id} ${r.table}.${r.row}.${r.column}: kind`);
      assert.ok((OBSERVATION_KINDS as readonly string[]).includes(r.kind!));
      assert.equal(r.raw, cell.raw === undefined ? '' : neutralise(cell.raw), `${report.id} ${r.table}.${r.row}.${r.column}: raw`);
    }
  }
  const id = reports[0]!.report.id;
  const text = obs.find((r) => r.report_id === id && r.row === 'administrative_penalty' && r.column === 'decisions')!;
  assert.deepEqual([text.value, text.kind, text.raw], ['', 'text', '见附件']);
  for (const kind of ['number', 'blank', 'not_applicable', 'derived']) assert.ok(obs.some((r) => r.kind === kind), `a ${kind} cell is written`);
  const dash = obs.find((r) => r.kind === 'not_applicable')!;
  assert.match(dash.raw!, /^(?:-|—|\/|无)$/, 'a "-" mark is printed as is, not neutralised');
});

test('observations-zh.csv: the same rows, Chinese headers, and every code with its label from the code list', () => {
  const en = rows(files.get('data/observations.csv')!);
  const zh = rows(files.get('data/observations-zh.csv')!);
  assert.deepEqual(zh[0], ['报告编号', '机关', '行政区划代码', '年度', '格式版本', '表代码', '表', '项目代码', '项目', '栏目代码', '栏目',
    '数值', '类型代码', '类型', '原文', '校验标记']);
  assert.equal(zh.length, en.length);
  for (let k = 1; k < en.length; k++) {
    const [e, z] = [en[k]!, zh[k]!];
    assert.deepEqual([z[0], z[1], z[2], z[3], z[4], z[5], z[7], z[9], z[11], z[12], z[14], z[15]], e, `row ${k}: the English row`);
    const table = e[5] as 'proactive';
    assert.equal(z[6], TABLES[table].zh);
    assert.equal(z[8], rowLabel(table, e[6]!));
    assert.equal(z[10], TABLES[table].columns.find((c) => c.code === e[7])!.zh);
    assert.equal(z[13], KIND_LABELS[e[9] as 'number'].zh);
  }
  const secret = zh.find((z) => z[7] === 'denied.state_secret')!;
  assert.equal(secret[8], '（三）不予公开 1.属于国家秘密');
});
