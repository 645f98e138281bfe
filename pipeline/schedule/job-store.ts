/**
 * The job's own files under <output>/state: the documents held per source (for a 304) and the set that the last
 * successful run built, so an unchanged set of documents is neither parsed nor built again.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeAtomic } from '../adapters/fs.ts';
import type { HeldDocument } from './job-sources.ts';

export interface JobPaths {
  /** The output root (default: the folder "output" next to the config file). */
  root: string;
  state: string;
  documents: string;
  /** What the harvester remembers of listing sources (harvest-store.ts). */
  harvest: string;
  raw: string;
  parsed: string;
  work: string;
  dist: string;
  quarantine: string;
  lock: string;
}

export function jobPaths(root: string): JobPaths {
  const state = join(root, 'state');
  return {
    root,
    state: join(state, 'state.json'),
    documents: join(state, 'documents.json'),
    harvest: join(state, 'harvest.json'),
    raw: join(state, 'raw'),
    parsed: join(state, 'parsed'),
    work: join(state, 'work'),
    dist: join(root, 'dist'),
    quarantine: join(root, 'quarantine.json'),
    lock: join(state, 'run.lock'),
  };
}

export interface HeldDocuments {
  /** The documents last collected, by source id. */
  held: Record<string, HeldDocument[]>;
  /** "name sha256" lines of the documents the last successful run built and published, sorted; null before one. */
  built: string[] | null;
}

export async function readDocuments(path: string): Promise<HeldDocuments> {
  try {
    const value = JSON.parse(await readFile(path, 'utf8')) as Partial<HeldDocuments>;
    return { held: value.held ?? {}, built: Array.isArray(value.built) ? value.built : null };
  } catch {
    return { held: {}, built: null };
  }
}

export async function writeDocuments(path: string, docs: HeldDocuments): Promise<void> {
  await writeAtomic(path, `${JSON.stringify(docs, null, 2)}\n`);
}

export const fingerprint = (docs: HeldDocument[]): string[] => docs.map((d) => `${d.name} ${d.sha256}`).sort();
