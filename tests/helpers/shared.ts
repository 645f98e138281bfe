/** Access to ../shared (the real corpus and official validators) for tests. It is absent in a user's clone. */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

export const SHARED = resolve(import.meta.dirname, '../../../shared');
export const HAS_SHARED = existsSync(join(SHARED, 'corpus'));

/** Print why a test that needs ../shared does nothing here. Returns true when the test should stop. */
export function skipWithoutShared(what: string): boolean {
  if (HAS_SHARED) return false;
  console.log(`notice: ../shared is absent, so "${what}" checks nothing here (CI has ../shared and runs it)`);
  return true;
}

export async function sharedBytes(...parts: string[]): Promise<Uint8Array> {
  return new Uint8Array(await readFile(join(SHARED, ...parts)));
}

export async function sharedJson<T>(...parts: string[]): Promise<T> {
  return JSON.parse(await readFile(join(SHARED, ...parts), 'utf8')) as T;
}
