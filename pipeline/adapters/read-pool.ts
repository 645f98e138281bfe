/**
 * The read pool: documents are read (ingest + parse) by worker threads (tinypool), `jobs` at a time, so that a
 * folder is read on every core. With one job, or when there are too few files to pay for starting threads, the
 * main thread reads them itself: the outcome is the same either way. A worker that dies while reading a document
 * (an uncaught exception, out of memory) fails that document only; the pool starts another worker.
 *
 * The workers run the compiled JavaScript (dist-js/read-worker.js) when this module is compiled, and the TypeScript
 * sources through tsx when it runs from them (tests, development): a .ts worker is given tsx's loader.
 */
import { availableParallelism } from 'node:os';
import Tinypool from 'tinypool';
import type { ReadLimits } from '../ingest/limits.ts';
import { type ReadOutcome, internalMessage, readOutcome } from '../read-outcome.ts';

export interface DocumentReader {
  /** Documents that may be under way at once (enough to keep every worker busy). */
  readonly concurrency: number;
  read(bytes: Uint8Array, name: string, limits?: ReadLimits): Promise<ReadOutcome>;
  close(): Promise<void>;
}

/** Below this many files a worker does not pay for its start (loading the parser into a new thread). */
const FILES_PER_WORKER = 64;

/**
 * How many workers read `files` files: `jobs` when given (at most one per file), else one per core but one, the main
 * thread's (it validates and writes the release, and takes the workers' results), and no more than one per
 * FILES_PER_WORKER files. 1 means the main thread reads alone. On the 2-core development machine the default is 1:
 * there two workers read no faster than the main thread alone (README, Performance).
 */
export function workersFor(files: number, jobs?: number): number {
  if (jobs !== undefined) return Math.max(1, Math.min(jobs, files));
  return Math.max(1, Math.min(availableParallelism() - 1, Math.floor(files / FILES_PER_WORKER)));
}

const inThisThread: DocumentReader = { concurrency: 1, read: readOutcome, close: async () => {} };

const ownUrl = new URL(import.meta.url);
const fromSources = ownUrl.pathname.endsWith('.ts');


/**
 * The module a worker loads: the compiled worker, or, from the sources, a bootstrap that registers tsx in the worker
 * first (on Node 20 a worker does not inherit the loader hooks of its parent, nor run them from --import).
 */
function workerModule(worker: URL): string {
  if (!worker.pathname.endsWith('.ts')) return worker.href;
  const tsx = import.meta.resolve('tsx/esm/api');
  const code = `const { register } = await import(${JSON.stringify(tsx)}); register(); export default (await import(${JSON.stringify(worker.href)})).default;`;
  return `data:text/javascript,${encodeURIComponent(code)}`;
}

/**
 * A reader over `workers` threads (workersFor). `worker` replaces the worker module (tests: one that crashes).
 */
export function documentReader(workers: number, options: { worker?: URL } = {}): DocumentReader {
  if (workers <= 1) return inThisThread;
  const pool = new Tinypool({
    filename: workerModule(options.worker ?? new URL(`../read-worker.${fromSources ? 'ts' : 'js'}`, ownUrl)),
    minThreads: workers,
    maxThreads: workers,
  });
  // A worker that cannot start (a broken install) fails every document still to read, instead of leaving them waiting.
  let broken: Error | undefined;
  const failed = new Promise<never>((_, reject) => {
    pool.on('error', (err: Error) => {
      broken ??= err;
      reject(err);
    });
  });
  failed.catch(() => {});
  return {
    concurrency: workers * 2,
    read: async (bytes, name, limits) => {
      try {
        if (broken) throw broken;
        return (await Promise.race([pool.run({ bytes, name, ...(limits ? { limits } : {}) }), failed])) as ReadOutcome;
      } catch (err) {
        // The worker died under this document (its exception was not caught, or it ran out of memory).
        return { error: { message: internalMessage(err), internal: true } };
      }
    },
    close: () => pool.destroy(),
  };
}
