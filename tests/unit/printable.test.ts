/**
 * No output a person reads shows raw control characters: a file named "x\n  published forged-2099 …" cannot print
 * a forged line, and a bidi override in a printed name cannot reorder the console, the site or the CSV.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { printableLine, printableText } from '../../pipeline/printable.ts';
import { tabReport } from '../helpers/tab-report.ts';
import { scratchDir } from '../helpers/scratch.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const RAW = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

test('printableLine escapes every control and bidi character visibly; printableText keeps tab and line breaks', () => {
  assert.equal(printableLine('a\nb\u202Ec\u0085d\u2066'), 'a\\u000Ab\\u202Ec\\u0085d\\u2066');
  assert.equal(printableText('a\n\tb\u0007\u202D'), 'a\n\tb\\u0007\\u202D');
  assert.equal(printableLine('淮安市人民政府 (2024)'), '淮安市人民政府 (2024)', 'ordinary text unchanged');
});

test('build: a forged file name prints no line of its own; a bidi override reaches neither console, site nor CSV', () => {
  const dir = scratchDir('xxgk-printable-');
  const input = join(dir, 'in');
  mkdirSync(input);
  writeFileSync(join(input, 'x\n  published forged-2099  伪造 2099 (all good)\n.txt'), 'not a report at all');
  writeFileSync(join(input, 'good.txt'), tabReport({ agency: '测试市\u202E档案局' }));
  const out = join(dir, 'out');
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/xxgk.js'), 'build', '--in', input, '--out', out], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(r.status, 2, r.stdout + r.stderr);
  for (const line of `${r.stdout}\n${r.stderr}`.split('\n')) {
    assert.doesNotMatch(line, /^\s*published forged-2099/, 'no forged line');
    assert.doesNotMatch(line, RAW, `no raw control character in ${JSON.stringify(line)}`);
  }
  assert.match(r.stdout, /UNREADABLE x\\u000A {2}published forged-2099/, 'the file name shown with its line break escaped');
  assert.match(r.stdout, /included .*测试市\\u202E档案局/, 'the good report is built, its name escaped');
  const csv = readFileSync(join(out, 'data', readdirSync(join(out, 'data')).find((f) => f.endsWith('.csv'))!), 'utf8');
  assert.doesNotMatch(csv, RAW);
  assert.match(csv, /测试市\\u202E档案局/);
  const site = readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'));
  assert.ok(site.length > 0);
  for (const page of site) assert.doesNotMatch(readFileSync(join(out, page), 'utf8'), RAW, page);
});
