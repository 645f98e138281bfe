/**
 * A registry file that cannot be read is a ConfigError naming it and saying why, in the words of every other file
 * xxgk cannot read (adapters/fs.ts cannotRead): "no such file (ENOENT)", "a path through something that is not a
 * folder (ENOTDIR)", "a folder, not a file (EISDIR)" — never a bare code or Node's own message.
 */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadRegistry } from '../../pipeline/adapters/registry.ts';
import { ConfigError } from '../../pipeline/errors.ts';
import { registryResolver } from '../../pipeline/resolvers.ts';
import { scratchDir } from '../helpers/scratch.ts';

const refused = (file: string, problem: string) => (err: Error) => {
  assert.ok(err instanceof ConfigError, String(err));
  assert.equal(err.file, file);
  assert.deepEqual(err.problems, [problem]);
  return true;
};

test('registryResolver: an extra registry file that is missing, or reached through a file, is named with why', async () => {
  const dir = scratchDir('xxgk-registry-file-');
  writeFileSync(join(dir, 'plain'), 'x');
  const missing = join(dir, 'missing.yaml');
  const through = join(dir, 'plain', 'agencies.yaml');
  mkdirSync(join(dir, 'folder.yaml'));
  await assert.rejects(registryResolver([missing]), refused(missing, 'cannot read the registry file: no such file (ENOENT)'));
  await assert.rejects(registryResolver([through]), refused(through, 'cannot read the registry file: a path through something that is not a folder (ENOTDIR)'));
  await assert.rejects(registryResolver([join(dir, 'folder.yaml')]), refused(join(dir, 'folder.yaml'), 'cannot read the registry file: a folder, not a regular file'));
});

test('loadRegistry: a registry file that cannot be read is named with why', async () => {
  const dir = scratchDir('xxgk-registry-file-');
  mkdirSync(join(dir, 'folder.yaml'));
  const missing = join(dir, 'missing.yaml');
  await assert.rejects(loadRegistry([], missing), refused(missing, 'cannot read the registry file: no such file (ENOENT)'));
  await assert.rejects(loadRegistry([], join(dir, 'folder.yaml')), refused(join(dir, 'folder.yaml'), 'cannot read the registry file: a folder, not a file (EISDIR)'));
});
