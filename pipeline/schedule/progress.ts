/**
 * Progress of a run: a cli-progress bar on a terminal, one JSON line per event (pino) otherwise, nothing in tests.
 */
import { SingleBar, Presets } from 'cli-progress';
import { pino } from 'pino';
import { printableLine } from '../printable.ts';

export type Level = 'info' | 'warn' | 'error';

export interface Progress {
  start(total: number): void;
  step(name: string): void;
  log(level: Level, message: string, fields?: Record<string, unknown>): void;
  end(): void;
}

export const silentProgress: Progress = { start() {}, step() {}, log() {}, end() {} };

/** JSON log lines on the stream (a pipe, a file, a CI log). */
export function jsonProgress(stream: NodeJS.WritableStream = process.stdout): Progress {
  const logger = pino({ base: undefined, timestamp: pino.stdTimeFunctions.isoTime }, stream);
  return {
    start: (total) => logger.info({ event: 'start', steps: total }, 'run started'),
    step: (name) => logger.info({ event: 'step', step: name }, name),
    log: (level, message, fields = {}) => logger[level](fields, message),
    end: () => logger.info({ event: 'end' }, 'run finished'),
  };
}

/** A bar on the terminal; warnings and errors are printed above it on stderr. */
export function barProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  const bar = new SingleBar({ format: '{bar} {value}/{total} {step}', stream, hideCursor: true, clearOnComplete: true }, Presets.shades_classic);
  let started = false;
  return {
    start(total) {
      bar.start(total, 0, { step: '' });
      started = true;
    },
    step(name) {
      if (started) bar.increment(1, { step: name });
    },
    log(level, message) {
      if (level !== 'info') stream.write(`\n${level}: ${printableLine(message)}\n`);
    },
    end() {
      if (started) bar.stop();
      started = false;
    },
  };
}

/** The bar when stdout is a terminal, JSON lines otherwise. */
export const progressFor = (tty: boolean = process.stdout.isTTY === true): Progress => (tty ? barProgress() : jsonProgress());
