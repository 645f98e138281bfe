/**
 * The README's "Using the data" examples (examples/*), run as a user would against a release built from the real
 * samples and served over HTTP on 127.0.0.1: Node's fetch + ajv, curl + jq, Python with requests + jsonschema,
 * pandas and DuckDB. An example whose tool is not installed is skipped with a notice; the README must show each
 * example file exactly.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, test, type TestContext } from 'node:test';
import { DEFAULT_META } from '../../pipeline/datasets/defaults.ts';
import { buildFolder } from '../../pipeline/run.ts';
import { FIXED_CLOCK, ROOT, SAMPLES } from '../helpers/build-samples.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';
import { scratchDir } from '../helpers/scratch.ts';

const run = promisify(execFile);
const EXAMPLES = join(ROOT, 'examples');
const dir = scratchDir('xxgk-using-');
let server: StaticServer;

before(async () => {
  const input = join(dir, 'in');
  for (const name of readdirSync(join(SAMPLES, 'real')).filter((n) => n.endsWith('.yaml'))) {
    cpSync(join(SAMPLES, 'real', name), join(input, name));
  }
  server = await serveStatic(join(dir, 'out'), '/data/');
  // Built for the server's URL, so every $schema and link of the release points at it.
  await buildFolder(input, join(dir, 'out'), FIXED_CLOCK, { meta: { ...DEFAULT_META, baseUrl: server.url } });
});
after(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Run an example with the release's URL; skipped (with a notice) when its tool is missing. */
async function example(t: TestContext, cmd: string, file: string, needs: string[] = []): Promise<string | null> {
  // The first interpreter that has every module: the one on PATH (pyenv, a venv), else the system's, where
  // .ci/run installs Debian's python3-pandas, python3-requests and python3-jsonschema.
  const candidates = cmd === 'python3' ? ['python3', '/usr/bin/python3'] : [cmd];
  let chosen: string | null = null;
  let missing = '';
  for (const candidate of candidates) {
    missing = '';
    for (const check of needs) {
      const ok = await run(candidate, ['-c', check], { cwd: dir }).then(() => true, () => false);
      if (!ok) {
        missing = check;
        break;
      }
    }
    if (!missing) {
      chosen = candidate;
      break;
    }
  }
  if (!chosen) {
    t.skip(`${file}: needs ${missing.replace(/^import /, '')}`);
    console.log(`# skipped ${file}: ${candidates.join(' or ')} cannot ${missing}`);
    return null;
  }
  const { stdout } = await run(chosen, [join(EXAMPLES, file), server.url], { cwd: dir, encoding: 'utf8' });
  return stdout;
}

test('JavaScript: fetch the reports index, validate it against its $schema with ajv, print the latest year', async (t) => {
  const out = await example(t, process.execPath, 'reports-feed.mjs');
  assert.match(out!, /^version 1\.0\.0, 4 reports; 2024:\n/);
  assert.match(out!, /^淮安市人民政府\treceived 3119\tgranted \d+\.\d %\twarnings 0$/m);
  assert.equal(out!.trim().split('\n').length, 3);
});

test('curl + jq: one line per report, then the appeals totals of the first report from the NDJSON feed', async (t) => {
  const out = await example(t, 'sh', 'reports-curl.sh', ['command -v curl', 'command -v jq']);
  if (out === null) return;
  const lines = out.trim().split('\n');
  assert.deepEqual(lines.slice(0, 4).map((l) => l.split('\t')[0]), ['2020', '2023', '2024', '2024']);
  assert.match(lines[0]!, /^2020\t聊城市自然资源和规划局\t105\t\d+$/);
  const cells = lines.slice(4).map((l) => JSON.parse(l) as { report_id: string; table: string; column: string });
  assert.ok(cells.length >= 3);
  for (const c of cells) assert.deepEqual([c.report_id, c.table, c.column], ['shandong-liaocheng-zrzyhghj-2020', 'appeals', 'total']);
});

test('Python: requests + jsonschema validate the reports index against its $schema', async (t) => {
  const out = await example(t, 'python3', 'reports_feed.py', ['import requests, jsonschema']);
  if (out === null) return;
  assert.match(out, /^version 1\.0\.0, 4 reports; 2024:\n淮安市人民政府\treceived 3119\twarnings 0\n/);
});

test('Python: pandas reads the partitions of observations.csv listed in datapackage.json; a blank cell stays empty (NaN), never 0', async (t) => {
  const out = await example(t, 'python3', 'observations_pandas.py', ['import pandas']);
  if (out === null) return;
  // 聊城 2020 prints the cell blank: NaN in the table, "blank" among the kinds.
  assert.match(out, /^聊城市自然资源和规划局\s+NaN\s+NaN\s+NaN$/m);
  assert.match(out, /^淮安市人民政府\s+NaN\s+NaN\s+2\.0$/m);
  assert.match(out, /^blank\s+1$/m);
});

test('Python: DuckDB sums the requests received per year from the Parquet files of the observations', async (t) => {
  const out = await example(t, 'python3', 'observations_duckdb.py', ['import duckdb']);
  if (out === null) return;
  assert.equal(out, '2020\t1 reports\t105 received\n2023\t1 reports\t21 received\n2024\t2 reports\t3214 received\n');
});

test('the README shows every example exactly as it is in examples/', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  for (const name of readdirSync(EXAMPLES)) {
    const code = readFileSync(join(EXAMPLES, name), 'utf8');
    assert.ok(readme.includes(`\n${code}\`\`\``), `README.md shows examples/${name} verbatim in a code block`);
  }
});
