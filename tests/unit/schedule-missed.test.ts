import { test } from 'node:test';
import assert from 'node:assert/strict';
import { missedRun, previousRun } from '../../pipeline/schedule/missed.ts';
import type { Clock } from '../../pipeline/adapters/clock.ts';

const at = (iso: string): Clock => () => new Date(iso);
const DAILY_9_BEIJING = '0 9 * * *';

test('a run scheduled between the last attempt and now was missed, and is caught up', () => {
  const now = at('2025-01-12T03:00:00Z'); // 11:00 in Beijing, two days after the last attempt
  const result = missedRun({ cron: DAILY_9_BEIJING, timezone: 'Asia/Shanghai', lastAttempt: new Date('2025-01-10T01:00:00Z'), now: now() });
  assert.equal(result.missed, true);
  assert.deepEqual(result.scheduledAt, new Date('2025-01-12T01:00:00Z')); // the latest one: 09:00 Beijing = 01:00 UTC
});

test('no run is missed when the last attempt was the latest scheduled one', () => {
  const result = missedRun({ cron: DAILY_9_BEIJING, timezone: 'Asia/Shanghai', lastAttempt: new Date('2025-01-12T01:00:00Z'), now: new Date('2025-01-12T15:00:00Z') });
  assert.deepEqual(result, { missed: false, scheduledAt: new Date('2025-01-12T01:00:00Z') });
});

test('the timezone decides: 09:00 in Shanghai is not 09:00 UTC', () => {
  // Last attempt at 01:00 UTC (09:00 Beijing); now 08:30 UTC (16:30 Beijing). In Shanghai nothing new was due;
  // read in UTC, 09:00 UTC would not be due yet either, but the day before's 09:00 UTC is before the attempt.
  const lastAttempt = new Date('2025-01-12T01:00:00Z');
  const now = new Date('2025-01-12T08:30:00Z');
  assert.equal(missedRun({ cron: DAILY_9_BEIJING, timezone: 'Asia/Shanghai', lastAttempt, now }).missed, false);
  // Now 09:30 UTC = 17:30 Beijing: 09:00 UTC has passed, but Shanghai's 09:00 was the last attempt itself.
  const later = new Date('2025-01-12T09:30:00Z');
  assert.equal(missedRun({ cron: DAILY_9_BEIJING, timezone: 'Asia/Shanghai', lastAttempt, now: later }).missed, false);
  assert.equal(missedRun({ cron: DAILY_9_BEIJING, timezone: 'UTC', lastAttempt, now: later }).missed, true);
});

test('across midnight in Shanghai (still the previous day in UTC) a run is caught up', () => {
  const cron = '30 0 * * *'; // 00:30 Beijing = 16:30 UTC the day before
  const lastAttempt = new Date('2025-01-11T12:00:00Z');
  assert.equal(missedRun({ cron, timezone: 'Asia/Shanghai', lastAttempt, now: new Date('2025-01-11T16:00:00Z') }).missed, false);
  const r = missedRun({ cron, timezone: 'Asia/Shanghai', lastAttempt, now: new Date('2025-01-11T17:00:00Z') });
  assert.equal(r.missed, true);
  assert.deepEqual(r.scheduledAt, new Date('2025-01-11T16:30:00Z'));
});

test('a run due exactly now is the current run, not a missed one', () => {
  assert.deepEqual(previousRun('0 * * * *', 'UTC', new Date('2025-01-01T05:00:00Z')), new Date('2025-01-01T04:00:00Z'));
});

test('never run before: the latest scheduled time is due', () => {
  const r = missedRun({ cron: '17 2 * 2-12 *', timezone: 'UTC', lastAttempt: null, now: new Date('2025-03-05T00:00:00Z') });
  assert.deepEqual(r, { missed: true, scheduledAt: new Date('2025-03-04T02:17:00Z'), reason: 'never-run' });
});

test('six-field expressions (seconds first, as node-cron takes them) work too', () => {
  const r = missedRun({ cron: '0 0 9 * * *', timezone: 'Asia/Shanghai', lastAttempt: new Date('2025-01-10T01:00:00Z'), now: new Date('2025-01-11T02:00:00Z') });
  assert.equal(r.missed, true);
});
