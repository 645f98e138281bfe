/** `xxgk status` text, and the run's progress: JSON log lines off a terminal, a bar on one. */
import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { test } from 'node:test';
import { loadConfig } from '../../pipeline/config.ts';
import { statusText } from '../../pipeline/schedule/cli-schedule.ts';
import { barProgress, jsonProgress } from '../../pipeline/schedule/progress.ts';
import { emptyState, writeState } from '../../pipeline/schedule/state.ts';
import { scratchDir } from '../helpers/scratch.ts';

const clock = () => new Date('2025-03-03T00:00:00.000Z'); // Monday 08:00 in Beijing

test('status prints the last runs and the next scheduled one, in the configured time zone', async () => {
  const dir = scratchDir('xxgk-status-');
  try {
    const config = loadConfig('sources:\n  - id: a\n    name: 测试局\n    region: "110000"\n    inbox: inbox\npublish:\n  repo: publish.git\nschedule:\n  cron: "0 6 * * 1"\n', join(dir, 'xxgk.config.yaml'), {});
    const before = await statusText(config, clock, dir);
    assert.match(before, /never/i, before);
    await writeState(join(dir, 'state', 'state.json'), {
      ...emptyState(),
      lastAttempt: '2025-03-02T22:00:00.000Z',
      lastSuccess: '2025-03-02T22:01:00.000Z',
      lastPublishedVersion: '1.2.0',
    });
    const text = await statusText(config, clock, dir);
    // Shown in the configured zone with its offset: 22:00Z is 06:00 the next day in Beijing.
    assert.match(text, /last attempt: +2025-03-03 06:00:00 \+08:00/, text);
    assert.match(text, /last success: +2025-03-03 06:01:00 \+08:00/, text);
    assert.match(text, /1\.2\.0/);
    // Next Monday 06:00 in Asia/Shanghai is 2025-03-09T22:00Z (today's 06:00 has passed).
    assert.match(text, /next scheduled: +2025-03-10 06:00:00 \+08:00/, text);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('off a terminal, progress is one JSON object per line', () => {
  const stream = new PassThrough();
  let out = '';
  stream.on('data', (d: Buffer) => { out += d.toString(); });
  const p = jsonProgress(stream);
  p.start(3);
  p.step('fetch');
  p.log('warn', 'source a: 404', { source: 'a' });
  p.end();
  const lines = out.trim().split('\n').map((l) => JSON.parse(l) as { msg: string; level: number; source?: string });
  assert.deepEqual(lines.map((l) => l.msg), ['run started', 'fetch', 'source a: 404', 'run finished']);
  assert.equal(lines[2]!.source, 'a');
  assert.ok(lines[2]!.level > lines[1]!.level, 'warn is above info');
});

test('on a terminal, progress is a bar that advances step by step', () => {
  const stream = Object.assign(new PassThrough(), { isTTY: true, columns: 80, rows: 24 }) as unknown as NodeJS.WriteStream & PassThrough;
  let out = '';
  stream.on('data', (d: Buffer) => { out += d.toString(); });
  const p = barProgress(stream);
  p.start(2);
  p.step('fetch');
  p.step('build');
  p.log('warn', 'quarantined one report');
  p.end();
  assert.match(out, /2\/2 build/, JSON.stringify(out));
  assert.match(out, /warn: quarantined one report/);
});
