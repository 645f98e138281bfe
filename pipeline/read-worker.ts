/** A worker of the read pool (adapters/read-pool.ts): one document's bytes in, its ReadOutcome out. */
import type { ReadLimits } from './ingest/limits.ts';
import { type ReadOutcome, readOutcome } from './read-outcome.ts';

export default function read(task: { bytes: Uint8Array; name: string; limits?: ReadLimits }): Promise<ReadOutcome> {
  return readOutcome(task.bytes, task.name, task.limits);
}
