/**
 * Issue 14 §2: one bad file is one file's error. An unreadable file (EACCES) and an unreadable folder in the input
 * are listed, the rest built, exit 2 — in `xxgk build` and in `xxgk run`; `--in` naming nothing or a file is a
 * usage error. Permissions mean nothing to root: as root the CLI runs as the user nobody (65534); where neither
 * works the test is skipped with a notice. What root cannot read either — a FIFO, a symbolic link to nothing or that
 * loops, a link to a folder, a path through a file — is tested as any user: each its file's error, never a wait on
 * a FIFO nor an internal error (exit 70); an input folder or inbox that cannot be listed is the source's error.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { chmod, copyFile, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { scratchDir } from '../helpers/scratch.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const GOOD = join(ROOT, 'samples/real/2024_huaian-city-gov.json');
const root = process.getuid?.() === 0;
const NOBODY = 65534;

function xxgk(args: string[], cwd: string, asNobody = false): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/xxgk.js'), ...args], {
      cwd,
      // TMPDIR: the test's own folder, which the user nobody can write to (the run's may be root's alone).
      env: { ...process.env, HOME: cwd, TMPDIR: cwd, GIT_CONFIG_NOSYSTEM: '1' },
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
    dir = scratchDir('xxgk-eacces-');
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

function mkfifo(path: string): void {
  assert.equal(spawnSync('mkfifo', [path]).status, 0, `mkfifo ${path}`);
}

describe('what no user can read as a file is that file\'s error, as root too', { timeout: 240_000 }, () => {
  let dir = '';
  before(async () => {
    dir = scratchDir('xxgk-unreadable-kinds-');
    const inDir = join(dir, 'in');
    await mkdir(join(inDir, 'sub'), { recursive: true });
    await copyFile(GOOD, join(inDir, 'good.json'));
    mkfifo(join(inDir, 'pipe.json'));
    mkfifo(join(inDir, 'sub', 'deep.json'));
    await symlink('nowhere.json', join(inDir, 'dangling.json'));
    await symlink('loop.json', join(inDir, 'loop.json'));
    await symlink('good.json', join(inDir, 'link.json'));
    await symlink('..', join(inDir, 'sub', 'up'));
    await writeFile(join(dir, 'run.yaml'), `sources:\n  - id: inbox\n    name: 淮安市人民政府\n    region: "320800"\n    inbox: in\n  - id: pipe\n    name: 淮安市人民政府\n    region: "320800"\n    path: in/pipe.json\npublish:\n  repo: publish.git\n`);
  });

  it('xxgk build: each is listed as UNREADABLE with why, a link to a file is read through, exit 2', async () => {
    const r = await xxgk(['build', '--in', 'in', '--out', 'out'], dir);
    assert.equal(r.code, 2, r.stdout + r.stderr);
    const unreadable = r.stdout.split('\n').filter((l) => l.startsWith('  UNREADABLE '));
    assert.deepEqual(unreadable, [
      '  UNREADABLE dangling.json: cannot read the file: a symbolic link to nowhere.json, which does not exist (ENOENT)',
      '  UNREADABLE loop.json: cannot read the file: a symbolic link to loop.json that loops (ELOOP)',
      '  UNREADABLE pipe.json: cannot read the file: a FIFO (named pipe), not a regular file',
      '  UNREADABLE sub/deep.json: cannot read the file: a FIFO (named pipe), not a regular file',
      '  UNREADABLE sub/up: cannot read the file: a symbolic link to a folder (..), not a file: links to folders are not followed (EISDIR)',
    ]);
    // good.json and link.json: one report, two renderings.
    assert.match(r.stdout, /^ {2}included \S+-2024 {2}淮安市人民政府 2024 \(2021 edition, 2 sources\)/m);
    assert.doesNotMatch(r.stdout + r.stderr, /internal error/);
  });

  it('xxgk parse: each named with why, the readable file still printed, exit 2', async () => {
    const r = await xxgk(['parse', 'in/good.json', 'in/pipe.json', 'in/dangling.json', 'in/loop.json', 'in/sub', 'in/good.json/x'], dir);
    assert.equal(r.code, 2, r.stderr);
    // One report read: printed alone, not in a list.
    assert.equal((JSON.parse(r.stdout) as { year: number }).year, 2024);
    assert.deepEqual(r.stderr.trim().split('\n'), [
      'xxgk: in/pipe.json: cannot read the file: a FIFO (named pipe), not a regular file',
      'xxgk: in/dangling.json: cannot read the file: a symbolic link to nowhere.json, which does not exist (ENOENT)',
      'xxgk: in/loop.json: cannot read the file: a symbolic link to loop.json that loops (ELOOP)',
      'xxgk: in/sub: cannot read the file: a folder, not a file (EISDIR)',
      'xxgk: in/good.json/x: cannot read the file: a path through something that is not a folder (ENOTDIR)',
    ]);
  });

  it('xxgk build --in a FIFO, a link that loops or leads nowhere: a usage error naming it, exit 2', async () => {
    for (const [arg, why] of [
      ['in/pipe.json', 'a FIFO \\(named pipe\\), not a folder'],
      ['in/loop.json', 'cannot be read: a symbolic link that loops \\(ELOOP\\)'],
      ['in/dangling.json', 'a symbolic link to nothing'],
      ['in/good.json/x', 'cannot be read: a path through something that is not a folder \\(ENOTDIR\\)'],
    ] as const) {
      const r = await xxgk(['build', '--in', arg, '--out', 'out2'], dir);
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, new RegExp(`^xxgk: build: --in ${arg.replace(/\./g, '\\.')}: ${why}; expected a folder of report documents`, 'm'));
    }
  });

  it('xxgk run: an inbox\'s FIFO and links, a path source naming a FIFO: quarantined, the rest published, exit 2', async () => {
    const r = await xxgk(['run', '--config', 'run.yaml'], dir);
    assert.equal(r.code, 2, r.stdout + r.stderr);
    for (const name of ['inbox/dangling.json', 'inbox/loop.json', 'inbox/pipe.json', 'inbox/sub_deep.json', 'inbox/sub_up', 'pipe/pipe.json']) {
      assert.match(r.stdout, new RegExp(`^xxgk run: unreadable: ${name.replace(/\./g, '\\.')} \\(quarantined; see quarantine\\.json\\)$`, 'm'));
    }
    assert.match(r.stdout, /published v1\.0\.0$/m);
    assert.doesNotMatch(r.stdout + r.stderr, /internal error/);
  });
});

describe('a folder that cannot be listed is the command\'s or the source\'s error, exit 2', { timeout: 240_000 }, () => {
  let dir = '';
  let skip: string | false = false;
  before(async () => {
    dir = scratchDir('xxgk-unlisted-');
    await chmod(dir, 0o777);
    await mkdir(join(dir, 'inbox'));
    await copyFile(GOOD, join(dir, 'inbox', 'good.json'));
    await chmod(join(dir, 'inbox'), 0o000);
    await writeFile(join(dir, 'run.yaml'), `sources:\n  - id: inbox\n    name: 淮安市人民政府\n    region: "320800"\n    inbox: inbox\npublish:\n  repo: publish.git\n`);
    await chmod(join(dir, 'run.yaml'), 0o644);
    const probe = await xxgk(['--version'], dir, root).catch((err: Error) => ({ code: null, stdout: '', stderr: err.message }));
    if (probe.code !== 0) skip = `cannot run as a user without root's rights here (${probe.stderr.trim()}): a folder that cannot be listed not tested`;
    else if (root) console.log('notice: running as root: the CLI runs as the user nobody (65534) to meet a folder it cannot list');
  });
  after(async () => {
    await chmod(join(dir, 'inbox'), 0o755).catch(() => {});
    await rm(dir, { recursive: true, force: true });
  });

  it('xxgk run: the inbox is a failed source, named with why; nothing else yielded, nothing published', async (t) => {
    if (skip) return t.skip(skip);
    const r = await xxgk(['run', '--config', 'run.yaml'], dir, root);
    assert.equal(r.code, 2, r.stdout + r.stderr);
    assert.match(r.stdout, /^xxgk run: source failed: source inbox: cannot list the folder \S*inbox: permission denied \(EACCES\)/m);
    assert.doesNotMatch(r.stdout + r.stderr, /internal error/);
  });

  it('xxgk agencies suggest: the folder named with why', async (t) => {
    if (skip) return t.skip(skip);
    const r = await xxgk(['agencies', 'suggest', 'inbox'], dir, root);
    assert.equal(r.code, 2, r.stdout + r.stderr);
    assert.match(r.stderr, /^xxgk: cannot list the folder inbox: permission denied \(EACCES\)$/m);
  });
});
