/**
 * `xxgk schedule` as a real process: started with a run to catch up, it gets SIGTERM while that run is under way,
 * stops after the current step, exits 0, releases its lock, and leaves the target either untouched or holding a
 * complete release — never half a publish.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { copyFile, mkdir, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { scratchDir } from '../helpers/scratch.ts';

const ROOT = resolve(import.meta.dirname, '../..');

test('SIGTERM stops the daemon after the current step, never mid-publish', async () => {
  const dir = scratchDir('xxgk-signal-');
  try {
    await mkdir(join(dir, 'inbox'));
    for (const f of ['2023_huaian-hongze-district-gov.yaml', '2024_huaian-city-gov.yaml', '2020_liaocheng-zrzyghj.yaml']) {
      await copyFile(join(ROOT, 'samples/real', f), join(dir, 'inbox', f));
    }
    const config = join(dir, 'xxgk.config.yaml');
    await writeFile(config, 'sources:\n  - id: inbox\n    name: 样例\n    region: "320800"\n    inbox: inbox\npublish:\n  repo: publish.git\nschedule:\n  cron: "0 6 * * 1"\n');
    const child = spawn(process.execPath, [join(ROOT, 'bin/xxgk.js'), 'schedule', '--config', config], { cwd: dir });
    let out = '';
    // Wait until the daemon has started its catch-up run (its "scheduled:" line), then ask it to stop: an event, not
    // a time window, so a slow or loaded machine only makes the test slower.
    let started!: () => void;
    const running = new Promise<void>((done) => { started = done; });
    const collect = (d: Buffer) => {
      out += d.toString();
      if (/scheduled:/.test(out)) started();
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    await Promise.race([running, exited]);
    assert.match(out, /scheduled:/, out);
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    const code = await exited;
    clearTimeout(timer);
    assert.equal(code, 0, out);
    assert.match(out, /SIGTERM: stopping after the current step/);
    assert.ok(!existsSync(join(dir, 'output', 'state', 'run.lock')), 'the lock is released');
    const repo = join(dir, 'publish.git');
    if (existsSync(repo)) {
      const tags = spawnSync('git', ['--git-dir', repo, 'tag'], { encoding: 'utf8' }).stdout.trim();
      const head = spawnSync('git', ['--git-dir', repo, 'rev-parse', '--verify', '-q', 'refs/heads/main'], { encoding: 'utf8' }).stdout.trim();
      // Either nothing was published, or the whole release was: branch and tag together.
      assert.equal(tags === '', head === '', `tags "${tags}", head "${head}"`);
      if (tags) assert.equal(spawnSync('git', ['--git-dir', repo, 'fsck', '--no-progress'], { encoding: 'utf8' }).status, 0);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
