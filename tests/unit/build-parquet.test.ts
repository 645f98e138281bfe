/**
 * data/observations/<year>.parquet: read back with a Parquet reader (hyparquet), every file holds exactly the rows of
 * the CSV partition beside it, typed (year an integer, value a number, an empty CSV cell null); the same rows give the
 * same bytes.
 */
import assert from 'node:assert/strict';
import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { OBSERVATIONS_CSV, csvTableSpec } from '../../pipeline/datasets/table-schemas.ts';
import { observationRows } from '../../pipeline/datasets/to-csv.ts';
import { observationsParquet } from '../../pipeline/datasets/to-parquet.ts';
import { SAMPLES, buildSamples, readTree } from '../helpers/build-samples.ts';
import { parseCsv } from '../helpers/table-schema-check.ts';
import { sampleReports } from '../helpers/release.ts';
import { scratchDir } from '../helpers/scratch.ts';

const dir = scratchDir('xxgk-parquet-');
after(() => rmSync(dir, { recursive: true, force: true }));

const columns = csvTableSpec(OBSERVATIONS_CSV)!.columns.map((c) => c.name);
const buffer = (b: Uint8Array): ArrayBuffer => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;

test('every Parquet file of a built release reads back to exactly the rows of its CSV partition', async () => {
  // The samples' reports in their structured renderings only (JSON, YAML and the registry of the synthetic names): the
  // same reports, years and values, without reading PDF, Word and HTML, which the Parquet files do not depend on.
  const input = join(dir, 'in');
  cpSync(SAMPLES, input, { recursive: true, filter: (src) => !/\.(pdf|docx|html?|txt|md)$/.test(src) });
  const run = await buildSamples(join(dir, 'out'), input);
  assert.equal(run.published.size, 9, 'the nine sample reports');
  const tree = readTree(join(dir, 'out'));
  const parquets = [...tree.keys()].filter((p) => p.startsWith('data/observations/') && p.endsWith('.parquet'));
  assert.ok(parquets.length >= 3, `several years: ${parquets.join(', ')}`);
  let total = 0;
  for (const path of parquets) {
    const csv = parseCsv(tree.get(path.replace(/\.parquet$/, '.csv'))!.toString('utf8').replace(/^\uFEFF/, ''));
    assert.deepEqual(csv[0], columns, `${path}: the CSV's header`);
    const rows = await parquetReadObjects({ file: buffer(tree.get(path)!) });
    assert.equal(rows.length, csv.length - 1, `${path}: as many rows as the CSV`);
    rows.forEach((row, k) => {
      // A Parquet row written out as the CSV writes it: null is an empty cell, numbers in plain decimals.
      const asCsv = columns.map((c) => (row[c] === null || row[c] === undefined ? '' : String(row[c])));
      assert.deepEqual(asCsv, csv[k + 1], `${path} row ${k + 1}`);
    });
    assert.equal(typeof rows[0]!.year, 'number', `${path}: year is an integer column`);
    total += rows.length;
  }
  assert.ok(total > 500);
});

test('typed columns, nulls for empty cells, and the same rows give the same bytes', async () => {
  const reports = sampleReports(3);
  const rows = reports.flatMap(observationRows);
  const bytes = observationsParquet(rows);
  assert.deepEqual(observationsParquet(rows), bytes, 'deterministic');
  const meta = parquetMetadata(buffer(bytes));
  const types = Object.fromEntries(meta.schema.slice(1).map((s) => [s.name, s.type]));
  assert.equal(types.year, 'INT32');
  assert.equal(types.value, 'DOUBLE');
  assert.equal(types.report_id, 'BYTE_ARRAY');
  assert.equal(meta.created_by, 'xxgk');
  const back = await parquetReadObjects({ file: buffer(bytes) });
  assert.equal(back.length, rows.length);
  // The agency as it is: the CSV neutralises text a spreadsheet would run; Parquet keeps the value.
  assert.ok(back.some((r) => String(r.agency).startsWith('=cmd')));
  const blank = rows.findIndex((r) => r[8] === null);
  if (blank >= 0) assert.equal(back[blank]!.value, null);
});
