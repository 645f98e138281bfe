/** bench/lossy.ts scores seeds from --from on (seeds not tuned on), and refuses a bad seed with exit 2. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { LOSSY_RENDERINGS } from '../../pipeline/synth/lossy-score.ts';

const run = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'bench/lossy.ts', ...args], { encoding: 'utf8' });

test('--from S --count 1 scores the one report of seed S in each rendering', () => {
  const out = run('--count', '1', '--from', '1000');
  assert.equal(out.status, 0, out.stderr);
  assert.equal(out.stdout.match(/: 1 reports — /g)?.length, LOSSY_RENDERINGS.length);
});

test('--from with no seed, or a negative one, exits 2 with the usage', () => {
  for (const bad of [['--from'], ['--from', '-1'], ['--from', 'x']]) {
    const out = run('--count', '1', ...bad);
    assert.equal(out.status, 2, bad.join(' '));
    assert.match(out.stderr, /usage: .*--from S/);
  }
});
