/**
 * Read one document into a report, or into that document's error: what a worker of the read pool sends back, and
 * what the main thread computes itself when it reads alone. An InputError is the document's fault; any other
 * exception is a bug in xxgk, but still this one document's failure (`internal`), so that the rest of the folder is
 * read. Plain data: it crosses threads by structured clone.
 */
import { InputError } from './errors.ts';
import type { AnnualReport } from './model/report.ts';
import type { ReadLimits } from './ingest/limits.ts';
import { readReport } from './read.ts';

export type ReadOutcome = { report: AnnualReport } | { error: { message: string; internal: boolean } };

export async function readOutcome(bytes: Uint8Array, name: string, limits?: ReadLimits): Promise<ReadOutcome> {
  try {
    return { report: await readReport(bytes, name, limits) };
  } catch (err) {
    if (err instanceof InputError) return { error: { message: err.message, internal: false } };
    return { error: { message: internalMessage(err), internal: true } };
  }
}

/** The message of a failure that is not the document's fault (an exception, a worker that died). */
export function internalMessage(err: unknown): string {
  const detail = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  return `xxgk failed on this file (a bug in xxgk, please report it): ${detail}`;
}
