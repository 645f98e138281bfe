/**
 * Nothing published is withdrawn by accident, through bin/xxgk.js against a real local bare repository: a typo in a
 * source path keeps that source's published reports and warns (summary, JSON log, `xxgk status`); --strict exits 1;
 * `xxgk withdraw` takes one report out with a reason that the notes and CHANGELOG.md give, and later runs keep it
 * out; a run in which every source yields nothing publishes nothing and exits 2.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadConfig } from '../../pipeline/config.ts';
import { runCommand, statusText } from '../../pipeline/schedule/cli-schedule.ts';
import { silentProgress } from '../../pipeline/schedule/progress.ts';
import { ROOT, SAMPLES } from '../helpers/build-samples.ts';
import { stateOf } from '../helpers/git-handle.ts';
import { scratchDir } from '../helpers/scratch.ts';

/** 2026-02-01 10:00 in Beijing. */
const EPOCH = 1769911200;
const clock = () => new Date(EPOCH * 1000);

/** `xxgk run` in this process (the steps that are not under test): its exit code and its last line. */
async function runHere(configFile: string): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const code = await runCommand({ config: configFile }, clock, { progress: silentProgress, out: (l) => lines.push(l), env: {} });
  return { code, lines };
}

function xxgk(args: string[], cwd: string): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/xxgk.js'), ...args], {
    cwd, encoding: 'utf8', env: { ...process.env, SOURCE_DATE_EPOCH: String(EPOCH), GITHUB_TOKEN: '' },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const config = (hongze: string, city: string) => `sources:
  - id: huaian-hongze
    name: 淮安市洪泽区人民政府
    region: "320813"
    path: ${hongze}
  - id: huaian-city
    name: 淮安市人民政府
    region: "320800"
    path: ${city}
publish:
  repo: publish.git
`;

/** The JSON log lines (pino) of a run's stdout. */
const logLines = (stdout: string) => stdout.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>);

test('a typo in a source path keeps its published reports and warns; --strict exits 1; withdraw takes one out with its reason; all empty exits 2', async () => {
  const dir = scratchDir('xxgk-carry-');
  for (const [sub, file] of [['hongze', '2023_huaian-hongze-district-gov.yaml'], ['hongze', '2024_huaian-hongze-district-gov.yaml'], ['city', '2024_huaian-city-gov.yaml']]) {
    mkdirSync(join(dir, 'inbox', sub!), { recursive: true });
    copyFileSync(join(SAMPLES, 'real', file!), join(dir, 'inbox', sub!, file!));
  }
  const repo = join(dir, 'publish.git');
  writeFileSync(join(dir, 'good.yaml'), config('inbox/hongze/*.yaml', 'inbox/city/*.yaml'));
  writeFileSync(join(dir, 'typo.yaml'), config('inbox/hongz/*.yaml', 'inbox/city/*.yaml'));
  writeFileSync(join(dir, 'empty.yaml'), config('inbox/hongz/*.yaml', 'inbox/cty/*.yaml'));

  const first = await runHere(join(dir, 'good.yaml'));
  assert.equal(first.code, 0, first.lines.join('\n'));
  assert.match(first.lines.at(-1)!, /3 parsed, .*; published v1\.0\.0$/);
  const published = await stateOf(repo);
  const hongze = [...published.files.keys()].filter((p) => /^latest\/reports\/\d{4}\/jiangsu-huaian-hongze-\d{4}\.json$/.test(p)).sort();
  assert.equal(hongze.length, 2, [...published.files.keys()].filter((p) => p.startsWith('latest/reports/')).join('\n'));

  // The typo: the source matches nothing; its two reports stay published, and the run says so.
  const typo = xxgk(['run', '--config', 'typo.yaml'], dir);
  assert.equal(typo.code, 0, typo.stdout + typo.stderr);
  assert.match(typo.stdout, /^xxgk run: warning: source huaian-hongze matched no documents; its 2 published reports are kept \(jiangsu-huaian-hongze-2023, jiangsu-huaian-hongze-2024\)$/m);
  assert.match(typo.stdout, /, 1 source warning, 0 quarantined; nothing to publish$/m);
  const logged = logLines(typo.stdout).find((l) => l.event === 'source-shortfall');
  assert.equal(logged?.source, 'huaian-hongze');
  assert.equal(logged?.level, 40, 'a warning in the JSON log');
  assert.deepEqual(await stateOf(repo), published, 'the repository is untouched');

  const strict = xxgk(['run', '--config', 'typo.yaml', '--strict'], dir);
  assert.equal(strict.code, 1, strict.stdout + strict.stderr);
  assert.match(strict.stdout, /source huaian-hongze matched no documents; its 2 published reports are kept/);

  const status = await statusText(loadConfig(config('inbox/hongz/*.yaml', 'inbox/city/*.yaml'), join(dir, 'typo.yaml'), {}), clock);
  assert.match(status, /^source warnings: +1\n {2}- source huaian-hongze matched no documents; its 2 published reports are kept/m);

  // The operator withdraws one, with a reason: a minor release whose notes and CHANGELOG.md give it.
  const withdraw = xxgk(['withdraw', 'jiangsu-huaian-hongze-2023', '--reason', 'replaced by the corrected edition', '--config', 'typo.yaml'], dir);
  assert.equal(withdraw.code, 0, withdraw.stdout + withdraw.stderr);
  assert.match(withdraw.stdout, /v1\.0\.0 → v1\.1\.0 \(minor\): 0 reports added, 0 corrected \(0 cells\), 1 withdrawn/);
  assert.match(withdraw.stdout, /^xxgk: withdrew jiangsu-huaian-hongze-2023 in v1\.1\.0: replaced by the corrected edition$/m);
  const after = await stateOf(repo);
  assert.deepEqual(after.tags.map((t) => t.name), ['v1.0.0', 'v1.1.0']);
  const line = /- `jiangsu-huaian-hongze-2023` .*\(2023\) — withdrawn by the operator: replaced by the corrected edition/;
  assert.match(after.files.get('CHANGELOG.md')!.toString('utf8'), line);
  assert.match(after.tags.find((t) => t.name === 'v1.1.0')!.message, line);
  assert.ok(!after.files.has(hongze[0]!), 'withdrawn from latest/');
  assert.ok(after.files.has(hongze[1]!), 'the other stays');
  assert.match(after.files.get('latest/withdrawals.json')!.toString('utf8'), /"reason": "replaced by the corrected edition"/);

  // The path fixed: the source yields the withdrawn report again, and it stays out.
  const fixed = await runHere(join(dir, 'good.yaml'));
  assert.equal(fixed.code, 0, fixed.lines.join('\n'));
  assert.deepEqual(fixed.lines.length, 1, 'no warning');
  assert.match(fixed.lines[0]!, /; nothing to publish$/);
  assert.deepEqual((await stateOf(repo)).tags.map((t) => t.name), ['v1.0.0', 'v1.1.0']);

  // Every source empty: nothing built or published, exit 2.
  const empty = xxgk(['run', '--config', 'empty.yaml'], dir);
  assert.equal(empty.code, 2, empty.stdout + empty.stderr);
  assert.match(empty.stdout, /every source yielded no documents: nothing built or published$/m);
  assert.match(empty.stdout, /source huaian-city matched no documents; its 1 published report is kept \(jiangsu-huaian-2024\)/);
  assert.deepEqual(await stateOf(repo), after, 'the repository is untouched');
});

test('a source with withdrawMissing: a file taken out of it withdraws its report, with the reason; emptied, it withdraws nothing', async () => {
  const dir = scratchDir('xxgk-withdraw-missing-');
  mkdirSync(join(dir, 'inbox'));
  for (const file of ['2023_huaian-hongze-district-gov.yaml', '2024_huaian-hongze-district-gov.yaml']) copyFileSync(join(SAMPLES, 'real', file), join(dir, 'inbox', file));
  const file = join(dir, 'xxgk.config.yaml');
  writeFileSync(file, 'sources:\n  - id: hongze\n    name: 淮安市洪泽区人民政府\n    region: "320813"\n    inbox: inbox\n    withdrawMissing: true\npublish:\n  repo: publish.git\n');
  assert.match((await runHere(file)).lines.at(-1)!, /published v1\.0\.0$/);
  rmSync(join(dir, 'inbox', '2023_huaian-hongze-district-gov.yaml'));
  const taken = await runHere(file);
  assert.equal(taken.code, 0, taken.lines.join('\n'));
  assert.match(taken.lines.join('\n'), /yielded 1 document, 2 last time/);
  assert.match(taken.lines.at(-1)!, /published v1\.1\.0$/);
  const state = await stateOf(join(dir, 'publish.git'));
  assert.match(state.files.get('CHANGELOG.md')!.toString('utf8'), /`jiangsu-huaian-hongze-2023` .* — withdrawn by the operator: no longer in source hongze \\\(sources\\\[\\\]\.withdrawMissing\\\)/, 'the reason, Markdown-escaped');
  rmSync(join(dir, 'inbox', '2024_huaian-hongze-district-gov.yaml'));
  const emptied = await runHere(file);
  assert.equal(emptied.code, 2, 'every source yielded nothing');
  assert.deepEqual((await stateOf(join(dir, 'publish.git'))).tags.map((t) => t.name), ['v1.0.0', 'v1.1.0'], 'nothing withdrawn');
});
