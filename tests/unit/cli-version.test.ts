/** `xxgk --version` (package.json's version, before any heavy import) and times shown in a time zone with the offset. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { zonedTime } from '../../pipeline/adapters/clock.ts';
import { version } from '../../pipeline/version.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const PKG = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };

test('xxgk --version and -V print package.json\'s version and exit 0; so does the CLI itself', () => {
  for (const flag of ['--version', '-V']) {
    const r = spawnSync(process.execPath, [join(ROOT, 'bin/xxgk.js'), flag], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, `${PKG.version}\n`);
  }
  assert.equal(version(), PKG.version);
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'pipeline/cli.ts'), '--version'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout.trim(), PKG.version);
});

test('times are shown in the configured zone with the offset', () => {
  assert.equal(zonedTime('2025-03-02T22:00:00.000Z', 'Asia/Shanghai'), '2025-03-03 06:00:00 +08:00');
  assert.equal(zonedTime(new Date('2025-07-01T12:00:00Z'), 'Europe/Berlin'), '2025-07-01 14:00:00 +02:00');
  assert.equal(zonedTime('2025-01-01T00:00:00Z', 'UTC'), '2025-01-01 00:00:00 +00:00');
  assert.equal(zonedTime('never', 'UTC'), 'never');
});
