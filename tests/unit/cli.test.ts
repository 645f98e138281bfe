/** The CLI: --help, exit codes (0 ok, 1 validation errors, 2 bad usage or unreadable input), no stack traces. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { test } from 'node:test';
import { tabReport, tabReportHtml } from '../helpers/tab-report.ts';
import { scratchDir } from '../helpers/scratch.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const dir = scratchDir('xxgk-cli-');

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

function xxgk(...args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/xxgk.js'), ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

function assertNoStack(out: string): void {
  assert.doesNotMatch(out, /\n\s+at .+:\d+:\d+/, 'no stack trace');
}

test('--help on every command', () => {
  for (const args of [['--help'], ['parse', '--help'], ['validate', '--help'], ['start', '--help']]) {
    const r = xxgk(...args);
    assert.equal(r.code, 0, `${args.join(' ')} exits 0`);
    assert.match(r.stdout, /Usage: xxgk/);
  }
});

test('bad usage exits 2', () => {
  assert.equal(xxgk('frobnicate').code, 2);
  assert.equal(xxgk('parse').code, 2, 'parse without files');
  assert.equal(xxgk('parse', '--format', 'xml', file('ok.txt', tabReport())).code, 2);
});

test('build: --in is checked before the build is loaded (a usage error costs a start-up, not the pipeline\'s modules)', () => {
  // What pipeline/input-folder.ts loads, statically, all the way down: none of the stages.
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const m of readFileSync(file, 'utf8').matchAll(/^[ \t]*(?:import|export)\s[^;]*?\sfrom\s+'(\.{1,2}\/[^']+)'/gm)) visit(resolve(dirname(file), m[1]!));
  };
  visit(join(ROOT, 'pipeline/input-folder.ts'));
  const loaded = [...seen].map((f) => relative(join(ROOT, 'pipeline'), f)).sort();
  assert.deepEqual(loaded.filter((f) => !/^(?:input-folder|errors)\.ts$|^adapters\/(?:fs|build-process)\.ts$|^ingest\/limits\.ts$|^model\//.test(f)), [], loaded.join(', '));
  // cli.ts's build action checks it before it imports cli-build.ts.
  const cli = readFileSync(join(ROOT, 'pipeline/cli.ts'), 'utf8');
  const action = cli.slice(cli.indexOf(".command('build')"), cli.indexOf(".command('publish')"));
  assert.ok(action.indexOf("import('./input-folder.ts')") >= 0 && action.indexOf("import('./input-folder.ts')") < action.indexOf("import('./cli-build.ts')"), action);
  const none = xxgk('build', '--in', join(dir, 'no-such-folder'), '--out', join(dir, 'out'));
  assert.equal(none.code, 2);
  assert.match(none.stderr, /^xxgk: build: --in \S+no-such-folder: no such folder; expected a folder of report documents$/m);
  assertNoStack(none.stderr);
});

test('parse prints canonical JSON, or tidy CSV rows', () => {
  const path = file('report.txt', tabReport());
  const json = xxgk('parse', path);
  assert.equal(json.code, 0, json.stderr);
  const report = JSON.parse(json.stdout);
  assert.equal(report.tables.applications.received.natural_person.value, 10);
  const csv = xxgk('parse', '--format', 'csv', path);
  assert.equal(csv.code, 0);
  const lines = csv.stdout.trim().split('\n');
  assert.equal(lines[0], 'report_id,year,edition,table,row,column,value');
  assert.ok(lines.some((l) => /,2023,2021,applications,received,natural_person,10$/.test(l)));
});

test('validate: 0 for a valid report, 1 when a report breaks the schema', () => {
  assert.equal(xxgk('validate', file('valid.txt', tabReport())).code, 0);
  const negative = xxgk('validate', file('negative.txt', tabReport({ cells: { 'proactive.regulations.issued': '-4' } })));
  assert.equal(negative.code, 1, negative.stdout + negative.stderr);
  assert.match(negative.stdout, /INVALID/);
});

test('validate --format json gives rule, severity, location, expected, found and both languages', () => {
  const r = xxgk('validate', '--format', 'json', file('warn.txt', tabReport({ cells: { 'applications.received.total': '13' } })));
  assert.equal(r.code, 0, 'warnings do not fail');
  const [result] = JSON.parse(r.stdout);
  const issue = result.issues.find((i: { rule: string }) => i.rule === 'applications.row_total');
  assert.ok(issue, 'row_total warning');
  assert.equal(issue.severity, 'warning');
  assert.equal(issue.row, 'received');
  assert.equal(issue.column, 'total');
  assert.equal(issue.expected, 12);
  assert.equal(issue.found, 13);
  assert.ok(issue.message.zh && issue.message.en);
});

const BAD: Array<[string, string | Uint8Array, RegExp]> = [
  ['empty.txt', '', /empty/],
  ['not-a-report.txt', '这是一篇关于天气的文章。\n今天晴。\n', /not an annual report/],
  ['cut-before-tables.txt', tabReport().slice(0, tabReport().indexOf('二、主动公开')), /not an annual report|not found/],
  ['cut-inside-tables.txt', tabReport().slice(0, tabReport().indexOf('（四）无法提供')), /not found/],
  ['junk.bin', Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256), /binary/],
  ['words.html', tabReportHtml(tabReport({ cells: { 'applications.received.natural_person': '十', 'applications.received.commercial_enterprise': '二', 'applications.received.total': '十二' } })), /"十" is not a number/],
  ['one-word.html', tabReportHtml(tabReport({ cells: { 'applications.granted.total': '若干' } })), /not a number|若干/],
];

for (const [name, content, message] of BAD) {
  test(`bad input ${name}: a clear error naming the file, exit 2, no stack trace`, () => {
    const path = file(name, content);
    for (const command of ['parse', 'validate']) {
      const r = xxgk(command, path);
      assert.equal(r.code, 2, `${command} ${name}: ${r.stdout}${r.stderr}`);
      const out = r.stdout + r.stderr;
      assertNoStack(out);
      assert.match(r.stderr, new RegExp(name.replace('.', '\\.')), 'stderr names the file');
      assert.match(r.stderr, message);
    }
  });
}
