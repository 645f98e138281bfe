/** The reports index read back (read-feed.ts): its parts joined in order, a release from before the split, and never half a list. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readFeedEntries } from '../../pipeline/publish/read-feed.ts';

const reader = (files: Record<string, unknown>) => async (path: string) => (path in files ? JSON.stringify(files[path]) : null);
const part = (year: number, p: number) => ({ year, part: p, url: `https://x.example/feed/reports/${year}${p > 1 ? `-${p}` : ''}.json` });

test('the index\'s parts are read in its order and their reports joined', async () => {
  const files = {
    'feed/reports.json': { count: 3, parts: [part(2023, 1), part(2023, 2), part(2024, 1)] },
    'feed/reports/2023.json': { reports: [{ id: 'a-2023' }] },
    'feed/reports/2023-2.json': { reports: [{ id: 'b-2023' }] },
    'feed/reports/2024.json': { reports: [{ id: 'a-2024' }] },
  };
  assert.deepEqual(await readFeedEntries(reader(files)), [{ id: 'a-2023' }, { id: 'b-2023' }, { id: 'a-2024' }]);
});

test('a release built before the split lists its reports in feed/reports.json itself', async () => {
  assert.deepEqual(await readFeedEntries(reader({ 'feed/reports.json': { version: '1.0.0', reports: [{ id: 'a-2023' }] } })), [{ id: 'a-2023' }]);
});

test('no index, an unreadable one, or a part missing: null, never a partial list', async () => {
  assert.equal(await readFeedEntries(reader({})), null);
  assert.equal(await readFeedEntries(async () => 'not json'), null);
  assert.equal(await readFeedEntries(async () => { throw new Error('EACCES'); }), null);
  const files = { 'feed/reports.json': { parts: [part(2023, 1), part(2024, 1)] }, 'feed/reports/2023.json': { reports: [{ id: 'a-2023' }] } };
  assert.equal(await readFeedEntries(reader(files)), null);
  assert.equal(await readFeedEntries(reader({ 'feed/reports.json': { parts: [{ year: 2023, part: 0 }] } })), null);
});

test('a part of 200,000 reports is read whole (a national year; spreading them into push() overflowed V8\'s stack)', async () => {
  const reports = Array.from({ length: 200_000 }, (_, i) => ({ id: `r${i}-2024` }));
  const read = async (path: string) => (path === 'feed/reports.json'
    ? JSON.stringify({ parts: [part(2024, 1)] })
    : path === 'feed/reports/2024.json' ? JSON.stringify({ reports }) : null);
  const got = await readFeedEntries(read);
  assert.equal(got?.length, 200_000);
  assert.deepEqual(got?.at(-1), { id: 'r199999-2024' });
});
