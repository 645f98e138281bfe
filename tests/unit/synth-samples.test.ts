/**
 * samples/ is generated: `npm run samples` must reproduce the committed files byte for byte.
 * TO REGENERATE after changing pipeline/synth or scripts/write-samples.ts: run `npm run samples` and commit samples/.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ingest } from '../../pipeline/ingest/index.ts';
import { parseDocument } from '../../pipeline/parse/index.ts';
import { scratchDir } from '../helpers/scratch.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SAMPLES = join(ROOT, 'samples');
const CORPUS = '/work/shared/corpus/expected';
const REGENERATE = 'samples/ is out of date: run `npm run samples` and commit the result';

function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

test('`npm run samples` reproduces the committed samples byte for byte', () => {
  const out = scratchDir('xxgk-samples-');
  try {
    const real = existsSync(CORPUS) ? CORPUS : join(out, 'no-corpus');
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/write-samples.ts', '--out', out, '--real', real], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    const produced = files(out).map((p) => relative(out, p)).sort();
    assert.ok(produced.some((p) => p.startsWith('synthetic/')));
    for (const name of produced) {
      const committed = join(SAMPLES, name);
      assert.ok(existsSync(committed), `${name} is not committed — ${REGENERATE}`);
      assert.ok(readFileSync(committed).equals(readFileSync(join(out, name))), `${name} differs — ${REGENERATE}`);
    }
    const committedSynthetic = files(join(SAMPLES, 'synthetic')).map((p) => relative(SAMPLES, p));
    assert.deepEqual(committedSynthetic.sort(), produced.filter((p) => p.startsWith('synthetic/')), `stale files — ${REGENERATE}`);
    assert.ok(!produced.some((p) => p.includes('.tmp-')), 'no temporary files left behind');
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test('samples/ stays small (< 1 MB) and holds every rendering and the real restatements', () => {
  const all = files(SAMPLES);
  const bytes = all.reduce((s, p) => s + statSync(p).size, 0);
  assert.ok(bytes < 1024 * 1024, `samples/ holds ${bytes} bytes`);
  const names = all.map((p) => relative(SAMPLES, p));
  for (const f of ['word-text.txt', 'page.html', 'word-export.htm', 'report.docx', 'report.pdf', 'pdftotext-layout.txt', 'values.json', 'values.yaml', 'word-text.gbk.txt', 'page.gbk.html']) {
    assert.ok(names.some((n) => n.endsWith(`/${f}`)), f);
  }
  for (const r of ['2020_liaocheng-zrzyghj', '2023_huaian-hongze-district-gov', '2024_huaian-hongze-district-gov', '2024_huaian-city-gov']) {
    assert.ok(names.includes(`real/${r}.json`) && names.includes(`real/${r}.yaml`), r);
  }
});

test('the real restatements read back as reports, JSON and YAML alike, and name their publication', async () => {
  for (const path of files(join(SAMPLES, 'real')).filter((p) => p.endsWith('.json'))) {
    const fromJson = parseDocument(await ingest(readFileSync(path), path));
    const yamlPath = path.replace(/\.json$/, '.yaml');
    const fromYaml = parseDocument(await ingest(readFileSync(yamlPath), yamlPath));
    assert.deepEqual(fromYaml.tables, fromJson.tables);
    assert.match(JSON.parse(readFileSync(path, 'utf8')).$comment, /年政府信息公开工作年度报告/);
    assert.match(readFileSync(yamlPath, 'utf8'), /^# Figures restated from /);
    if (existsSync(CORPUS)) {
      const expected = JSON.parse(readFileSync(join(CORPUS, path.split('/').pop()!), 'utf8'));
      for (const table of ['proactive', 'applications', 'appeals'] as const) {
        for (const [row, cells] of Object.entries(expected[table] as Record<string, Record<string, number | null>>)) {
          for (const [column, value] of Object.entries(cells)) {
            const cell = fromJson.tables[table][row]![column]!;
            // null in the corpus: a blank, a '-' or a cell the source does not print; else the same number.
            if (value === null) assert.ok(['blank', 'not_applicable', 'absent'].includes(cell.kind), `${path} ${table}.${row}.${column}`);
            else assert.equal(cell.value, value, `${path} ${table}.${row}.${column}`);
          }
        }
      }
    }
  }
});
