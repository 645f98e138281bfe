/**
 * Node's flags for a child that measures its live heap (process.memoryUsage().heapUsed after globalThis.gc()):
 * --expose-gc for the collection; --no-flush-bytecode and --single-threaded so that the heap at a point does not
 * depend on how many collections ran before it (V8 throws away the bytecode of functions idle for a few of them) or
 * on what background threads had finished. Without them two runs of the same child differed by up to 0.3 MiB, some
 * 80 bytes a report in tests/unit/read-folder-memory.test.ts (a CI run failed on it: 508 bytes against 500); with
 * them, by some 8 bytes a report.
 */
export const HEAP_FLAGS = ['--expose-gc', '--no-flush-bytecode', '--single-threaded'] as const;
