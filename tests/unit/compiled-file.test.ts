/**
 * adapters/compiled.ts: run from the sources, what `npm run build` compiled (dist-js/validators/*.cjs, registry.json)
 * is used only while dist-js/.built is newer than every run-time source (pipeline/, schemas/, agencies.yaml).
 */
import assert from 'node:assert/strict';
import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { compiledFile } from '../../pipeline/adapters/compiled.ts';
import { scratchDir } from '../helpers/scratch.ts';

/** A repository root whose files have the given ages (seconds after an epoch); returns its URL. */
function root(ages: Record<string, number>): URL {
  const dir = scratchDir('xxgk-compiled-');
  for (const [path, at] of Object.entries(ages)) {
    const full = join(dir, path);
    mkdirSync(join(full, '..'), { recursive: true });
    writeFileSync(full, '');
    utimesSync(full, 1_700_000_000 + at, 1_700_000_000 + at);
  }
  return pathToFileURL(`${dir}/`);
}

const SOURCES = { 'pipeline/run.ts': 10, 'pipeline/agencies/resolve.ts': 20, 'schemas/annual-report.schema.json': 30, 'agencies.yaml': 40 };

test('dist-js built after every source: its compiled files are used', () => {
  const r = root({ ...SOURCES, 'dist-js/.built': 50, 'dist-js/registry.json': 50, 'dist-js/validators/agencies.cjs': 50 });
  assert.equal(compiledFile('registry.json', { sourcesRoot: r })?.href, new URL('dist-js/registry.json', r).href);
  assert.equal(compiledFile('validators/agencies.cjs', { sourcesRoot: r })?.href, new URL('dist-js/validators/agencies.cjs', r).href);
  assert.equal(compiledFile('validators/annual-report.cjs', { sourcesRoot: r }), null, 'a file the build did not write');
});

for (const newer of Object.keys(SOURCES)) {
  test(`a source edited after the build (${newer}): the sources compute it`, () => {
    const r = root({ ...SOURCES, [newer]: 60, 'dist-js/.built': 50, 'dist-js/registry.json': 50 });
    assert.equal(compiledFile('registry.json', { sourcesRoot: r }), null);
  });
}

test('no build stamp (a build that did not finish, or none): the sources compute it', () => {
  const r = root({ ...SOURCES, 'dist-js/registry.json': 50 });
  assert.equal(compiledFile('registry.json', { sourcesRoot: r }), null);
});
