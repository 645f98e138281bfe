/**
 * The real reports in ../shared/corpus parse with every cell equal to ../shared/corpus/expected, blanks included.
 * Renderings covered here: text copied out of Word, pdftotext -layout text, and the PDF files themselves. Raw
 * pdftotext output (without -layout) is read only when every cell reads exactly, else refused with the advice to run
 * pdftotext -layout: the real one here is refused (its table 四's figures come out of order), never read wrong.
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { AnnualReport } from '../../pipeline/model/report.ts';
import { TABLE_IDS } from '../../pipeline/model/template.ts';
import { readReport } from '../../pipeline/read.ts';
import { HAS_SHARED, SHARED, sharedBytes, sharedJson, skipWithoutShared } from '../helpers/shared.ts';

interface Expected {
  year: number;
  format: string;
  agency: string;
  published: string | null;
  renderings: string[];
  proactive: Record<string, Record<string, number | null>>;
  applications: Record<string, Record<string, number | null>>;
  appeals: Record<string, Record<string, number | null>>;
}

const SUPPORTED = /(?:\.pdftotext-layout\.txt|^\d{4}_[^.]+\.(?:txt|pdf))$/;

function compare(report: AnnualReport, expected: Expected): string[] {
  const diffs: string[] = [];
  if (report.year !== expected.year) diffs.push(`year ${report.year} ≠ ${expected.year}`);
  if (report.edition !== expected.format) diffs.push(`edition ${report.edition} ≠ ${expected.format}`);
  if (report.agency !== expected.agency) diffs.push(`agency ${report.agency} ≠ ${expected.agency}`);
  if (report.published !== expected.published) diffs.push(`published ${report.published} ≠ ${expected.published}`);
  let cells = 0;
  for (const table of ['proactive', 'applications', 'appeals'] as const) {
    const want = expected[table];
    const got = report.tables[table];
    assert.deepEqual(Object.keys(got).sort(), Object.keys(want).sort(), `${table}: row codes`);
    for (const [row, columns] of Object.entries(want)) {
      assert.deepEqual(Object.keys(got[row]!).sort(), Object.keys(columns).sort(), `${table}.${row}: column codes`);
      for (const [column, value] of Object.entries(columns)) {
        cells++;
        const cell = got[row]![column]!;
        if (cell.value !== value) diffs.push(`${table}.${row}.${column}: ${cell.value} (${cell.kind} "${cell.raw ?? ''}") ≠ ${value}`);
      }
    }
  }
  assert.ok(cells > 100, 'expected files hold every cell');
  return diffs;
}

const expectedFiles = HAS_SHARED ? readdirSync(join(SHARED, 'corpus/expected')).filter((f) => f.endsWith('.json')).sort() : [];

test('the real corpus is there in CI', () => {
  if (skipWithoutShared('real corpus parses cell by cell')) return;
  assert.ok(expectedFiles.length >= 4, 'expected values for at least four real reports');
});

for (const file of expectedFiles) {
  test(`real report ${file}: every cell of every supported rendering equals the expected value`, async () => {
    const expected = await sharedJson<Expected>('corpus/expected', file);
    const renderings = expected.renderings.filter((r) => SUPPORTED.test(r));
    assert.ok(renderings.length > 0, `${file} has a supported rendering`);
    for (const rendering of renderings) {
      const report = await readReport(await sharedBytes('corpus', rendering), rendering);
      assert.deepEqual(compare(report, expected), [], `${rendering} differs from expected/${file}`);
    }
  });
}

test('a GBK/GB18030 copy of the seed report, with no charset declared anywhere, reads exactly like the UTF-8 original', async () => {
  if (skipWithoutShared('GBK copy of the seed report')) return;
  const iconv = (await import('iconv-lite')).default;
  const utf8 = await sharedBytes('corpus', '2020_liaocheng-zrzyghj.txt');
  const text = new TextDecoder().decode(utf8);
  const original = await readReport(utf8, 'seed.txt');
  // GB18030 encodes every character; GBK lacks the no-break space, which a GBK copy prints as a plain space.
  for (const [encoding, copy] of [['gb18030', text], ['gbk', text.replaceAll('\u00a0', ' ')]] as const) {
    const bytes = new Uint8Array(iconv.encode(copy, encoding));
    assert.notDeepEqual(bytes, utf8);
    const report = await readReport(bytes, 'seed.txt');
    assert.equal(report.sources[0]!.encoding, 'gb18030');
    assert.deepEqual({ ...report, sources: [] }, { ...original, sources: [] }, `${encoding} copy reads like the original`);
  }
});

test('the seed report validates with no errors and exactly the three 勾稽 warnings its source contains', async () => {
  if (skipWithoutShared('seed report validation')) return;
  const { validate } = await import('../../pipeline/validate/index.ts');
  const report = await readReport(await sharedBytes('corpus', '2020_liaocheng-zrzyghj.txt'), '2020_liaocheng-zrzyghj.txt');
  const result = validate(report);
  assert.equal(result.valid, true);
  assert.deepEqual(
    result.issues.map((i) => [i.severity, i.rule, i.column, i.expected, i.found]),
    [
      ['warning', 'applications.balance', 'natural_person', 77, 75],
      ['warning', 'applications.balance', 'research_institution', 3, 2],
      ['warning', 'applications.balance', 'legal_service_org', 25, 28],
    ],
  );
});

test('the 2023 洪泽 report keeps its real table 四 errors as warnings', async () => {
  if (skipWithoutShared('洪泽 2023 validation')) return;
  const { validate } = await import('../../pipeline/validate/index.ts');
  const name = '2023_huaian-hongze-district-gov.pdftotext-layout.txt';
  const result = validate(await readReport(await sharedBytes('corpus', name), name));
  assert.equal(result.valid, true);
  assert.deepEqual(
    result.issues.filter((i) => i.severity === 'warning').map((i) => [i.rule, i.row, i.expected, i.found]),
    [
      ['appeals.row_total', 'reconsideration', 11, 0],
      ['appeals.row_total', 'litigation_after_reconsideration', 5, 0],
    ],
  );
});

test('the real raw pdftotext output reads every cell exactly or flags it with "run pdftotext -layout", naming the place', async () => {
  if (skipWithoutShared('raw pdftotext of the 淮安 2024 report')) return;
  const name = '2024_huaian-city-gov.pdftotext-raw.txt';
  const expected = await sharedJson<Expected>('corpus/expected', '2024_huaian-city-gov.json');
  const report = await readReport(await sharedBytes('corpus', name), name);
  // pdftotext wrote table 四's 15 figures out of order (72 64 178 37 12 1 1 6 351 …): which group is which is lost,
  // so table 四 is flagged cell by cell; tables 二 and 三 read exactly.
  const diffs = compare(report, expected);
  const flagged = diffs.filter((d) => /^appeals\.[^:]+: null \(text "/.test(d));
  assert.deepEqual(diffs.filter((d) => !flagged.includes(d)), [], 'every cell not flagged reads exactly');
  assert.equal(flagged.length, 15);
  const cell = report.tables.appeals.reconsideration!.upheld!;
  assert.match(cell.note!, /this looks like pdftotext without -layout; run pdftotext -layout to read it/);
  assert.ok((cell.source?.line ?? 0) > 0, 'the flagged cell names its line');
});

const PDFS = HAS_SHARED ? readdirSync(join(SHARED, 'corpus')).filter((f) => f.endsWith('.pdf')).sort() : [];

test('the real corpus has PDF reports in CI', () => {
  if (skipWithoutShared('real PDF reports')) return;
  assert.ok(PDFS.length >= 3, 'expected at least three real PDF reports');
});

for (const pdf of PDFS) {
  test(`real PDF ${pdf} gives the same canonical values as its pdftotext -layout text, each value placed on its page`, async () => {
    const layoutName = pdf.replace(/\.pdf$/, '.pdftotext-layout.txt');
    const fromPdf = await readReport(await sharedBytes('corpus', pdf), pdf);
    const fromLayout = await readReport(await sharedBytes('corpus', layoutName), layoutName);
    assert.equal(fromPdf.sources[0]!.rendering, 'pdf');
    assert.equal(fromPdf.sources[0]!.mediaType, 'application/pdf');
    const strip = (r: AnnualReport) => ({ ...r, sources: [], narrative: r.narrative.map((n) => [n.key, n.value]) });
    const values = (r: AnnualReport) =>
      TABLE_IDS.flatMap((t) => Object.entries(r.tables[t]).flatMap(([row, cols]) =>
        Object.entries(cols).map(([c, cell]) => `${t}.${row}.${c} ${cell.kind} ${cell.value}`)));
    assert.deepEqual(values(fromPdf), values(fromLayout), 'cell kinds and values');
    assert.deepEqual(strip({ ...fromPdf, tables: fromLayout.tables }), strip(fromLayout), 'metadata and narrative figures');
    // Provenance: every printed value has its page and position.
    let printed = 0;
    for (const t of TABLE_IDS) {
      for (const cols of Object.values(fromPdf.tables[t])) {
        for (const cell of Object.values(cols)) {
          if (cell.kind !== 'number') continue;
          printed++;
          const at = cell.source!;
          assert.ok(at.page! >= 1 && at.x! > 0 && at.x! < 600 && at.y! > 0 && at.y! < 842, `position ${JSON.stringify(at)}`);
        }
      }
    }
    assert.ok(printed > 50);
  });
}
