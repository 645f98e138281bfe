/**
 * Issue 14 §5: the output folder is never missing. A crash is injected after each step of the switch (the step
 * hook throws, leaving the folder as a kill would), then a reader looks, then a build and a re-run.
 */
import assert from 'node:assert/strict';
import { lstat, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { writeFolderAtomically } from '../../pipeline/adapters/output.ts';
import type { SwitchStep } from '../../pipeline/adapters/output-switch.ts';
import { scratchDir } from '../helpers/scratch.ts';

const FILES = ['manifest.json', 'data/a.csv', 'index.html'];

/** A build whose every file says `marker`. */
const build = (marker: string) => async (sink: { write(path: string, content: string, mediaType: string): Promise<unknown> }) => {
  for (const f of FILES) await sink.write(f, `${marker} ${f}`, 'text/plain');
};

/** The marker of the complete build `out` shows, or null when `out` is missing; throws when it is half a build. */
async function shown(out: string): Promise<string | null> {
  const texts = await Promise.all(FILES.map((f) => readFile(join(out, f), 'utf8').catch(() => null)));
  if (texts.every((t) => t === null)) return null;
  const markers = new Set(texts.map((t) => t?.split(' ')[0]));
  assert.equal(markers.size, 1, `a complete build: ${JSON.stringify(texts)}`);
  assert.ok(texts.every((t) => t !== null));
  return [...markers][0]!;
}

class Crash extends Error {}
const STEPS: SwitchStep[] = ['staged', 'named', 'linked', 'moved-aside', 'switched'];

describe('the output folder is switched in one step (issue 14 §5)', () => {
  const dirs: string[] = [];
  const fresh = async () => {
    const dir = scratchDir('xxgk-switch-');
    dirs.push(dir);
    return join(dir, 'out');
  };
  after(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

  it('out is a link to a content-named build; a re-run leaves one build and no staging', async () => {
    const out = await fresh();
    await writeFolderAtomically(out, build('one'));
    await writeFolderAtomically(out, build('two'));
    await writeFolderAtomically(out, build('two'));
    assert.ok((await lstat(out)).isSymbolicLink());
    assert.equal(await shown(out), 'two');
    const beside = (await readdir(join(out, '..'))).sort();
    assert.equal(beside.length, 2, beside.join(' '));
    // Named for its content; a build with the current build's manifest takes the process id too (below).
    assert.match(beside[0]!, /^\.out\.build-[0-9a-f]{16}(?:-\d+)?$/);
    assert.equal(beside[1], 'out');
  });

  it('a build with the current build\'s manifest replaces it: a file edited since is put right', async () => {
    const out = await fresh();
    await writeFolderAtomically(out, build('one'));
    await writeFile(join(out, 'index.html'), 'edited');
    await writeFolderAtomically(out, build('one'));
    assert.equal(await shown(out), 'one');
    assert.equal((await readdir(join(out, '..'))).length, 2);
  });

  it('a folder written by an older xxgk (a real folder, and its leftovers) is converted', async () => {
    const out = await fresh();
    await mkdir(out);
    for (const f of FILES) await mkdir(join(out, f, '..'), { recursive: true }).then(() => writeFile(join(out, f), `old ${f}`));
    await mkdir(`${out}.staging-999999`);
    await writeFolderAtomically(out, build('new'));
    assert.ok((await lstat(out)).isSymbolicLink());
    assert.equal(await shown(out), 'new');
    assert.deepEqual((await readdir(join(out, '..'))).filter((f) => !f.startsWith('.out.build-')), ['out']);
  });

  for (const legacy of [false, true]) {
    for (const crashAt of STEPS) {
      if (crashAt === 'moved-aside' && !legacy) continue;
      it(`a crash after "${crashAt}"${legacy ? ' over an older real folder' : ''}: out is there and complete, and the next runs build`, async () => {
        const out = await fresh();
        if (legacy) {
          await mkdir(out);
          for (const f of FILES) await mkdir(join(out, f, '..'), { recursive: true }).then(() => writeFile(join(out, f), `old ${f}`));
        } else await writeFolderAtomically(out, build('old'));
        const seen: Array<string | null> = [];
        await assert.rejects(
          writeFolderAtomically(out, build('new'), async (step) => {
            seen.push(await shown(out));
            if (step === crashAt) throw new Crash(step);
          }),
          Crash,
        );
        // At every step before the crash a reader saw a complete build (the old one until the switch).
        if (crashAt === 'moved-aside') {
          // The one window of the conversion of an older folder: the next run puts the link in place first.
          assert.deepEqual(seen, ['old', 'old', 'old', null]);
        } else {
          // (Over an older folder, the conversion's one window: after "moved-aside", before "switched".)
          const window = legacy && crashAt === 'switched' ? 3 : -1;
          assert.ok(seen.every((m, k) => m === 'old' || (m === 'new' && crashAt === 'switched') || (m === null && k === window)), seen.join());
          assert.equal(await shown(out), crashAt === 'switched' ? 'new' : 'old');
        }
        await writeFolderAtomically(out, build('again'));
        assert.equal(await shown(out), 'again');
        await writeFolderAtomically(out, build('last'));
        assert.equal(await shown(out), 'last');
        assert.deepEqual((await readdir(join(out, '..'))).filter((f) => !f.startsWith('.out.build-')), ['out']);
        assert.equal((await readdir(join(out, '..'))).length, 2);
      });
    }
  }
});
