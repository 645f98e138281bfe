/**
 * The real reports in ../shared/corpus parse with every cell equal to ../shared/corpus/expected, blanks included.
 * Renderings covered here: text copied out of Word, and pdftotext -layout text. (PDF files themselves are read
 * by the PDF ingest; raw pdftotext output is not a supported rendering.)
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { AnnualReport } from '../../pipeline/model/report.ts';
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

const SUPPORTED = /(?:\.pdftotext-layout\.txt|^\d{4}_[^.]+\.txt)$/;

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
