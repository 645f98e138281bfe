/**
 * The build reads a folder in flat memory (read-folder.ts: reports spilled to disk as they are read, merged and
 * validated from the spill): it gives exactly what reading every report into memory gives — identity, merged
 * renderings, every issue (cross-year, missing, unresolved names), the order. And the spill gives back what it took.
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { writeCorpus } from '../../bench/cli-corpus.ts';
import { listFiles, readInput } from '../../pipeline/adapters/fs.ts';
import { type Spill, openSpill } from '../../pipeline/adapters/spill.ts';
import { identifyAll } from '../../pipeline/agencies/identify.ts';
import { byYearThenId } from '../../pipeline/datasets/types.ts';
import { READ_LIMITS } from '../../pipeline/ingest/limits.ts';
import { mergeRenderings } from '../../pipeline/parse/merge.ts';
import { readReport } from '../../pipeline/read.ts';
import { plainOutcome, readFolderFlat } from '../../pipeline/read-folder.ts';
import { readOutcome } from '../../pipeline/read-outcome.ts';
import { folderResolver, readFolder, readFolderFlat as readDirFlat } from '../../pipeline/run.ts';
import { validateAll } from '../../pipeline/validate/index.ts';
import { SAMPLES } from '../helpers/build-samples.ts';
import { scratchDir } from '../helpers/scratch.ts';

test('the spill gives back each value as it was put, undefined and all, and leaves nothing behind', () => {
  const spill = openSpill<unknown>();
  const values = [{ a: 1, b: undefined, c: [null, -0, 'é'] }, 'x'.repeat(100_000), { nested: { deep: [1, 2, 3] } }];
  const refs = values.map((v) => spill.put(v));
  assert.deepEqual(refs.map((r) => spill.get(r)).reverse(), [...values].reverse());
  assert.ok(Object.hasOwn(spill.get(refs[0]!) as object, 'b'));
  const before = readdirSync(tmpdir()).filter((n) => n.startsWith('xxgk-spill-')).length;
  spill.close();
  assert.equal(readdirSync(tmpdir()).filter((n) => n.startsWith('xxgk-spill-')).length, before - 1);
});

test('reading the samples through the spill gives what reading them all into memory gives', async () => {
  const resolver = await folderResolver(SAMPLES);
  const files = (await listFiles(SAMPLES)).filter((f) => !/(?:^|\/)(?:[^/]+\.md|manifest\.json|agencies\.ya?ml)$/i.test(f));
  const read = [];
  for (const f of files) read.push(await readReport(await readInput(join(SAMPLES, f), f, READ_LIMITS.maxBytes), f));
  const identified = identifyAll(read, resolver);
  const { reports, renderings } = mergeRenderings(identified.reports);
  assert.ok(renderings.size > 0, 'the samples hold renderings of one report');
  const results = validateAll(reports, { found: identified.found, renderings });
  const expected = reports.map((report) => ({ report, validation: results.get(report.id)! })).sort(byYearThenId);
  const got = await readFolder(SAMPLES, { resolver, files });
  assert.equal(got.reports.length, expected.length);
  assert.deepEqual(got.reports, expected);
  // What the build keeps of each report (its outcome, read from columns) is what reading into memory says of it.
  const flat = await readDirFlat(SAMPLES, { resolver, files });
  try {
    const count = (v: (typeof expected)[number]['validation'], s: string) => v.issues.filter((i) => i.severity === s).length;
    assert.deepEqual(flat.reports.map(plainOutcome), expected.map(({ report, validation }) => ({
      id: report.id, agency: report.agency, year: report.year, edition: report.edition, sources: report.sources.length,
      valid: validation.valid, errors: count(validation, 'error'), warnings: count(validation, 'warning'),
    })));
  } finally {
    flat.close();
  }
});

test('validation reads each report from the spill once, its unresolved name\'s warning included', async () => {
  // Two bodies' seven-year series of invented names: every report has a name that does not resolve (a warning kept
  // with it in the spill), and last year's report is the one validated just before.
  const dir = scratchDir('xxgk-read-folder-');
  await writeCorpus(dir, 14, ['word-text']);
  const files = await listFiles(dir);
  const resolver = await folderResolver(dir, files);
  let gets = 0;
  const counted = <T>(at?: string): Spill<T> => {
    const spill = openSpill<T>(at);
    return { ...spill, get: (ref) => { gets++; return spill.get(ref); } };
  };
  const read = await readFolderFlat({
    files, resolver, reader: { concurrency: 1 }, openSpill: counted,
    read: async (file) => ({ ...(await readOutcome(new Uint8Array(await readInput(join(dir, file), file, READ_LIMITS.maxBytes)), file)), parsed: true }),
  });
  try {
    assert.equal(read.reports.length, 14);
    assert.equal(read.reports.filter((r) => r.warnings > 0).length, 14, 'every name is unresolved');
    assert.equal(gets, 14, 'one read of each report, none of its warning apart, none of last year\'s');
    for (const r of read.reports) assert.deepEqual(JSON.parse(JSON.stringify(r)), plainOutcome(r), 'JSON gives the plain outcome');
    const loaded = read.load(read.reports[1]!.id);
    assert.ok(loaded.validation.issues.some((i) => /agenc|regist|name/i.test(i.message.en)), loaded.validation.issues.map((i) => i.message.en).join('; '));
  } finally {
    read.close();
  }
});

test('an outcome keeps a year its column cannot hold: a structured report of year 3,000,000,000 reads back exactly', async () => {
  // parse/structured.ts asks for an integer year, not a four-digit one: the year column (an Int32Array) would give
  // -1,294,967,296, so the outcome keeps it apart (read-folder.ts oddYears); validation then excludes the report.
  const golden = join(import.meta.dirname, '../golden/samples/reports/2019/synthetic-beiyuanshengrenminzhengfu-2019.json');
  const doc = JSON.parse(new TextDecoder().decode(await readInput(golden, 'x.json', READ_LIMITS.maxBytes)));
  const bytes = (year: number, id: string) => new TextEncoder().encode(JSON.stringify({ ...doc, report: { ...doc.report, id, year } }));
  const inputs = new Map([['odd.json', bytes(3_000_000_000, 'odd-year')], ['even.json', bytes(2019, 'plain-year')]]);
  const read = await readFolderFlat({
    files: [...inputs.keys()], reader: { concurrency: 1 },
    read: async (file) => ({ ...(await readOutcome(inputs.get(file)!, file)), parsed: true }),
  });
  try {
    const byId = new Map(read.reports.map((r) => [r.id, r]));
    assert.equal(byId.get('odd-year')?.year, 3_000_000_000);
    assert.equal(byId.get('plain-year')?.year, 2019);
    assert.equal(byId.get('odd-year')?.valid, false);
    assert.equal(read.load('odd-year').report.year, 3_000_000_000);
  } finally {
    read.close();
  }
});
