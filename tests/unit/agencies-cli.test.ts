/** `xxgk agencies suggest DIR`: run on a folder of reports, like a user would. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, describe, it } from 'node:test';
import { loadRegistry } from '../../pipeline/adapters/registry.ts';
import { parseRegistry } from '../../pipeline/agencies/registry.ts';
import { tabReport } from '../helpers/tab-report.ts';
import { scratchDir } from '../helpers/scratch.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const base = scratchDir('xxgk-agencies-cli-');
const registry = await loadRegistry();
after(() => rmSync(base, { recursive: true, force: true }));

function folder(name: string, files: Record<string, string | Uint8Array>): string {
  const dir = join(base, name);
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), content);
  }
  return dir;
}

function xxgk(...args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/xxgk.js'), ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const noStack = (out: string): void => assert.doesNotMatch(out, /\n\s+at .+:\d+:\d+/, 'no stack trace');

const reports = folder('reports', {
  '2023/hongze.txt': tabReport({ agency: '洪泽区人民政府', year: 2023 }),
  '2024/hongze.txt': tabReport({ agency: '淮安市洪泽区人民政府', year: 2024 }),
  '2024/education.txt': tabReport({ agency: '淮安市洪泽区教育局', year: 2024 }),
  '2024/gulou.txt': tabReport({ agency: '鼓楼区人民政府', year: 2024 }),
  'junk.bin': Uint8Array.from({ length: 2048 }, (_, i) => (i * 7919 + 13) % 256),
  'README.md': '# notes, not a report\n',
});

describe('xxgk agencies suggest', () => {
  it('prints entries for the names that do not resolve, a summary, and exits 1', () => {
    const r = xxgk('agencies', 'suggest', reports);
    assert.equal(r.code, 1, r.stderr);
    noStack(r.stdout + r.stderr);
    const added = parseRegistry(r.stdout, 'stdout', registry);
    assert.deepEqual(added.map((a) => [a.name, a.division, a.kind, a.parent]), [['淮安市洪泽区教育局', '320813', 'department', 'jiangsu-huaian-hongze']]);
    assert.match(r.stdout, /# 淮安市洪泽区教育局: unknown, printed in 2024\/education\.txt/);
    assert.match(r.stdout, /# 鼓楼区人民政府: ambiguous, printed in 2024\/gulou\.txt\n(?:.*\n)*?\s+#\s+jiangsu-nanjing-gulou 南京市鼓楼区人民政府/);
    assert.doesNotMatch(r.stdout, /洪泽区人民政府: /, 'both renderings of 洪泽 resolve');
    assert.match(r.stderr, /junk\.bin: skipped, /);
    assert.doesNotMatch(r.stderr, /README\.md/);
    assert.match(r.stderr, /xxgk: 4 reports in .* \(1 unreadable files skipped\): 4 printed names, 2 resolved, 1 unknown, 1 ambiguous; 1 entries proposed/);
  });

  it('a division hint narrows the ambiguous names; an extra registry file resolves the rest: exit 0', () => {
    const hinted = xxgk('agencies', 'suggest', '--division', '320100', reports);
    assert.equal(hinted.code, 1);
    assert.match(hinted.stderr, /3 resolved, 1 unknown, 0 ambiguous/);
    const extra = join(base, 'extra.yaml');
    writeFileSync(extra, hinted.stdout);
    const done = xxgk('agencies', 'suggest', '--division', '320100', '--registry', extra, reports);
    assert.equal(done.code, 0, done.stderr);
    assert.match(done.stderr, /4 printed names, 4 resolved, 0 unknown, 0 ambiguous; 0 entries proposed/);
    assert.deepEqual(parseRegistry(done.stdout, 'stdout', registry), []);
  });

  it('bad usage, a missing folder or a bad registry file: exit 2, the message names it, no stack trace', () => {
    const bad = join(base, 'bad.yaml');
    writeFileSync(bad, 'agencies:\n  - id: x\n    name: 某局\n    division: "320813"\n    level: county\n    kind: department\n    parent: nowhere\n');
    for (const [args, message] of [
      [['agencies', 'suggest'], /missing required argument/],
      [['agencies', 'suggest', join(base, 'no-such-folder')], /no-such-folder: not a folder of reports/],
      [['agencies', 'suggest', '--division', '3208', reports], /--division: expected a six-digit GB\/T 2260 code/],
      [['agencies', 'suggest', '--registry', bad, reports], /bad\.yaml: a problem\n\s+- agencies\[0\] \(id x\)\.parent: nowhere is not the id of any entry/],
      [['agencies', 'suggest', '--registry', join(base, 'missing.yaml'), reports], /missing\.yaml: a problem\n\s+- cannot read the registry file: no such file/],
    ] as Array<[string[], RegExp]>) {
      const r = xxgk(...args);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, message);
      noStack(r.stdout + r.stderr);
    }
    const help = xxgk('agencies', 'suggest', '--help');
    assert.equal(help.code, 0);
    assert.match(help.stdout, /Usage: xxgk agencies suggest \[options\] <dir>/);
  });
});
