/**
 * The CLI bench's corpus (bench/cli-corpus.ts): distinct bodies, one file per report that reads back as that body and
 * year, the same bytes on a second write, and reuse of a folder that holds it already. Small: 14 reports.
 */
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { median } from '../../bench/child.ts';
import { FIRST_YEAR, YEARS, bodyName, writeCorpus } from '../../bench/cli-corpus.ts';
import { readReport } from '../../pipeline/read.ts';
import { scratchDir } from '../helpers/scratch.ts';

test('the bench names a distinct body for every seven reports up to 100,000 reports', () => {
  const names = Array.from({ length: Math.ceil(100_000 / YEARS) }, (_, k) => bodyName(k));
  assert.equal(new Set(names).size, names.length);
  assert.match(names[0]!, /^..市人民政府$/);
  assert.match(names.at(-1)!, /^..市..区/);
});

test('the corpus is one file per body and year, written the same way twice, and reused', async () => {
  const dirs = [scratchDir('xxgk-corpus-'), scratchDir('xxgk-corpus-')];
  try {
    const count = 2 * YEARS;
    const [a, b] = [await writeCorpus(dirs[0]!, count, ['word-text', 'json']), await writeCorpus(dirs[1]!, count, ['word-text', 'json'])];
    assert.equal(a.reused, false);
    assert.deepEqual(a, b);
    const seen = new Set<string>();
    for (const [i, f] of a.files.entries()) {
      const bytes = readFileSync(join(dirs[0]!, f.path));
      assert.deepEqual(bytes, readFileSync(join(dirs[1]!, f.path)), f.path);
      const report = await readReport(new Uint8Array(bytes), f.path);
      assert.equal(report.year, FIRST_YEAR + (i % YEARS), f.path);
      assert.equal(report.agency, bodyName(Math.floor(i / YEARS)), f.path);
      seen.add(report.id);
    }
    assert.equal(seen.size, count, 'no two files are one report');
    assert.equal((await writeCorpus(dirs[0]!, count, ['word-text', 'json'])).reused, true);
    assert.equal((await writeCorpus(dirs[0]!, count, ['word-text'])).reused, false, 'another corpus is written anew');
  } finally {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  }
});

test('median', () => {
  assert.equal(median([3, 1, 2]), 2);
  assert.equal(median([4, 1, 3, 2]), 2.5);
});
