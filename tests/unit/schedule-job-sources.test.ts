/**
 * An inbox source's folder: missing, it is an empty inbox (the run warns that the source matched nothing); a path
 * that is there but is not a folder (a file, a path through a file) is that source's error, naming the path and
 * saying a folder was expected — never read as an empty inbox.
 */
import assert from 'node:assert/strict';
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { rawStore } from '../../pipeline/adapters/raw-store.ts';
import type { Source } from '../../pipeline/config.ts';
import { InputError } from '../../pipeline/errors.ts';
import { READ_LIMITS } from '../../pipeline/ingest/limits.ts';
import { runCommand } from '../../pipeline/schedule/cli-schedule.ts';
import { collectSource } from '../../pipeline/schedule/job-sources.ts';
import { silentProgress } from '../../pipeline/schedule/progress.ts';
import { scratchDir } from '../helpers/scratch.ts';

const limits = { ...READ_LIMITS, timeoutMs: 1000, concurrency: 1, retries: 0 };
const held = { validators: undefined, documents: [] };
const samples = fileURLToPath(new URL('../../samples/real/', import.meta.url));
const inbox = (path: string): Source & { kind: 'inbox' } => ({ id: 'drop', name: '淮安', region: '320800', kind: 'inbox', inbox: path } as Source & { kind: 'inbox' });

describe('collectSource: an inbox source', () => {
  it('reads the files of its folder', async () => {
    const dir = scratchDir('xxgk-inbox-');
    await mkdir(join(dir, 'inbox'));
    await writeFile(join(dir, 'inbox', 'a.json'), '{}');
    const got = await collectSource(inbox(join(dir, 'inbox')), held, rawStore(join(dir, 'raw')), limits);
    assert.deepEqual(got.documents.map((d) => d.name), ['drop/a.json']);
  });

  it('a folder that does not exist is an empty inbox', async () => {
    const dir = scratchDir('xxgk-inbox-');
    const got = await collectSource(inbox(join(dir, 'nothing-here')), held, rawStore(join(dir, 'raw')), limits);
    assert.deepEqual(got, { documents: [], validators: null, notModified: false });
  });

  it('a file is the source\'s error, naming it and saying a folder was expected', async () => {
    const dir = scratchDir('xxgk-inbox-');
    const file = join(dir, 'inbox.docx');
    await writeFile(file, 'not a folder');
    await assert.rejects(collectSource(inbox(file), held, rawStore(join(dir, 'raw')), limits), (err: Error) => {
      assert.ok(err instanceof InputError, String(err));
      assert.equal(err.message, `the inbox ${file} is a file, not a folder; expected a folder of report documents`);
      return true;
    });
  });

  it('a path through a file is the source\'s error, with why', async () => {
    const dir = scratchDir('xxgk-inbox-');
    await writeFile(join(dir, 'file'), 'x');
    const path = join(dir, 'file', 'inbox');
    await assert.rejects(collectSource(inbox(path), held, rawStore(join(dir, 'raw')), limits), (err: Error) => {
      assert.ok(err instanceof InputError, String(err));
      assert.equal(err.message, `cannot list the folder ${path}: a path through something that is not a folder (ENOTDIR)`);
      return true;
    });
  });
});

it('xxgk run: an inbox that is a file fails that source; the other is published, exit 2', async () => {
  const dir = scratchDir('xxgk-inbox-job-');
  await mkdir(join(dir, 'inbox'));
  await copyFile(join(samples, '2024_huaian-city-gov.yaml'), join(dir, 'inbox', 'city-2024.yaml'));
  await writeFile(join(dir, 'dropped.yaml'), 'a file where the inbox folder should be');
  const config = join(dir, 'xxgk.config.yaml');
  const source = (id: string, path: string) => `  - id: ${id}\n    name: 淮安\n    region: "320800"\n    inbox: ${path}\n`;
  await writeFile(config, `sources:\n${source('good', 'inbox')}${source('filed', 'dropped.yaml')}publish:\n  repo: publish.git\n`);
  const lines: string[] = [];
  const code = await runCommand({ config }, () => new Date('2025-03-03T00:00:00.000Z'), { progress: silentProgress, out: (l) => lines.push(l), env: {} });
  assert.equal(code, 2, lines.join('\n'));
  const said = lines.join('\n');
  assert.match(said, /^xxgk run: source failed: source filed: the inbox \S+dropped\.yaml is a file, not a folder; expected a folder of report documents/m);
  assert.match(said, /1 fetched, .*, 1 source failed, 1 quarantined; published v1\.0\.0$/m);
});
