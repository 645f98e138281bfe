/**
 * Issue 14 §2: one bad file is one file's error. An unreadable file (EACCES) and an unreadable folder in the input
 * are listed, the rest built, exit 2 — in `xxgk build` and in `xxgk run`; `--in` naming nothing or a file is a
 * usage error. Permissions mean nothing to root: as root the CLI runs as the user nobody (65534); where neither
 * works the test is skipped with a notice.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chmod, copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

const ROOT = new URL('../../', import.meta.url).pathname;
const GOOD = join(ROOT, 'samples/real/2024_huaian-city-gov.json');
const root = process.getuid?.() === 0;
const NOBODY = 65534;

function xxgk(args: string[], cwd: string, asNobody = false): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/xxgk.js'), ...args], {
      cwd,
      env: { ...process.env, HOME: cwd, GIT_CONFIG_NOSYSTEM: '1' },
      ...(asNobody ? { uid: NOBODY, gid: NOBODY } : {}),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('an unreadable file is that file\'s error (issue 14 §2)', { timeout: 240_000 }, () => {
  let dir = '';
  let skip: string | false = false;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'xxgk-eacces-'));
    await chmod(dir, 0o777);
    const inDir = join(dir, 'in');
    await mkdir(join(inDir, 'locked'), { recursive: true });
    await copyFile(GOOD, join(inDir, 'good.json'));
    await copyFile(GOOD, join(inDir, 'secret.json'));
    await copyFile(GOOD, join(inDir, 'locked', 'inside.json'));
    await chmod(join(inDir, 'good.json'), 0o644);
    await chmod(join(inDir, 'secret.json'), 0o000);
    await chmod(join(inDir, 'locked'), 0o000);
    await chmod(inDir, 0o755);
    await writeFile(join(dir, 'run.yaml'), `sources:\n  - id: inbox\n    name: 淮安市人民政府\n    region: "320800"\n    inbox: in\npublish:\n  repo: publish.git\n`);
    const probe = await xxgk(['--version'], dir, root).catch((err: Error) => ({ code: null, stdout: '', stderr: err.message }));
    if (probe.code !== 0) skip = `cannot run as a user without root's rights here (${probe.stderr.trim()}): permission errors not tested`;
  });
  after(async () => {
    await chmod(join(dir, 'in', 'locked'), 0o755).catch(() => {});
    await rm(dir, { recursive: true, force: true });
  });

  it('xxgk build: the file and the folder are listed, the good report built, exit 2', async (t) => {
    if (skip) return t.skip(skip);
    const r = await xxgk(['build', '--in', 'in', '--out', 'out'], dir, root);
    assert.equal(r.code, 2, r.stdout + r.stderr);
    assert.match(r.stdout, /^ {2}UNREADABLE secret\.json: cannot read the file: permission denied \(EACCES\)$/m);
    assert.match(r.stdout, /^ {2}UNREADABLE locked: cannot read the file: permission denied \(EACCES\)$/m);
    assert.match(r.stdout, /^ {2}included \S+-2024 {2}淮安市人民政府 2024/m);
    assert.doesNotMatch(r.stderr, /internal error/);
  });

  it('xxgk run: the unreadable file is quarantined, the rest published, exit 2', async (t) => {
    if (skip) return t.skip(skip);
    const r = await xxgk(['run', '--config', 'run.yaml'], dir, root);
    assert.equal(r.code, 2, r.stdout + r.stderr);
    assert.match(r.stdout, /^xxgk run: unreadable: inbox\/secret\.json \(quarantined; see quarantine\.json\)$/m);
    assert.match(r.stdout, /published v1\.0\.0$/m);
    assert.doesNotMatch(r.stdout + r.stderr, /internal error/);
  });

  it('xxgk build --in with no folder, or a file: a usage error, exit 2', async () => {
    const none = await xxgk(['build', '--in', 'nosuchdir', '--out', 'out2'], dir);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /^xxgk: build: --in nosuchdir: no such folder; expected a folder of report documents$/m);
    const file = await xxgk(['build', '--in', 'run.yaml', '--out', 'out2'], dir);
    assert.equal(file.code, 2);
    assert.match(file.stderr, /^xxgk: build: --in run\.yaml: a file, not a folder; expected a folder of report documents/m);
  });
});
