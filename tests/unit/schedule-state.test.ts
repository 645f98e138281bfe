import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { emptyState, parseState, readState, writeState, type RunState } from '../../pipeline/schedule/state.ts';
import { scratchDir } from '../helpers/scratch.ts';

const clock = () => new Date('2025-01-15T08:00:00.123Z');

async function withDir(fn: (dir: string) => Promise<void>): Promise<void> {
  const dir = scratchDir('xxgk-state-');
  try {
    await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const sample: RunState = {
  version: 1,
  lastAttempt: '2025-01-15T07:00:00.000Z',
  lastSuccess: '2025-01-14T07:00:00.000Z',
  lastPublishedVersion: '2025.1.3',
  sources: {
    'https://www.gov.cn/zhengce/xxgk/2024.html': { etag: '"abc"', lastModified: 'Tue, 14 Jan 2025 07:00:00 GMT', sha256: 'a'.repeat(64) },
    beijing: { etag: null, lastModified: null, sha256: null },
  },
};

test('no state file: an empty state', () =>
  withDir(async (dir) => {
    assert.deepEqual(await readState(join(dir, 'state.json'), clock), { state: emptyState() });
  }));

test('state round-trips, written atomically with no temporary file left behind', () =>
  withDir(async (dir) => {
    const path = join(dir, 'state', 'state.json');
    await writeState(path, sample);
    assert.deepEqual(await readState(path, clock), { state: sample });
    assert.deepEqual(await readdir(join(dir, 'state')), ['state.json']);
    await writeState(path, { ...sample, lastPublishedVersion: '2025.1.4' });
    assert.equal((await readState(path, clock)).state.lastPublishedVersion, '2025.1.4');
  }));

test('a corrupt state file is set aside as state.json.corrupt-<time> and the run starts fresh', () =>
  withDir(async (dir) => {
    const path = join(dir, 'state.json');
    await writeFile(path, '{"version": 1, "lastAttempt": "2025-01-');
    const { state, recovered } = await readState(path, clock);
    assert.deepEqual(state, emptyState());
    assert.ok(recovered);
    assert.equal(recovered.keptAs, `${path}.corrupt-2025-01-15T08-00-00-123Z`);
    assert.match(recovered.message, /state\.json is corrupt: not valid JSON/);
    assert.equal(await readFile(recovered.keptAs, 'utf8'), '{"version": 1, "lastAttempt": "2025-01-');
    assert.deepEqual(await readdir(dir), ['state.json.corrupt-2025-01-15T08-00-00-123Z']);
  }));

test('a well-formed JSON file of the wrong shape is corrupt too, with the field named', () => {
  const bad = (value: unknown) => {
    const r = parseState(JSON.stringify(value));
    assert.equal(r.ok, false);
    return r.ok ? '' : r.reason;
  };
  assert.match(bad([]), /expected a JSON object/);
  assert.match(bad({ ...sample, version: 2 }), /"version": expected 1/);
  assert.match(bad({ ...sample, lastAttempt: 'yesterday' }), /"lastAttempt"/);
  assert.match(bad({ ...sample, lastSucess: null }), /unexpected field "lastSucess"/);
  assert.match(bad({ ...sample, sources: { x: { etag: 1, lastModified: null, sha256: null } } }), /"sources"\."x"\."etag"/);
  assert.match(bad({ ...sample, sources: { x: { etag: null, lastModified: null, sha256: 'xyz' } } }), /sha256.*64/);
});

test('writing a malformed state is refused, and the file on disk is unchanged', () =>
  withDir(async (dir) => {
    const path = join(dir, 'state.json');
    await writeState(path, sample);
    await assert.rejects(writeState(path, { ...sample, lastAttempt: 'soon' }), /refusing to write run state/);
    assert.deepEqual((await readState(path, clock)).state, sample);
  }));
