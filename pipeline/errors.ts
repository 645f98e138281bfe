/** The few errors xxgk throws. Validation never throws: it returns issues. */
import type { Location } from './model/report.ts';

/** The input cannot be read as a report: unreadable bytes, not a report, a table missing or unreadable. Exit 2. */
export class InputError extends Error {
  override name = 'InputError';
  constructor(
    message: string,
    readonly file?: string,
    readonly at?: Location & { tableName?: string; rowName?: string },
  ) {
    super(message);
  }
}

/** Bad command-line usage or configuration. Exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/**
 * Publishing cannot go on: the target is in a state xxgk will not touch (a tag that exists for another commit, a
 * branch that moved meanwhile) or cannot be reached. Exit 2.
 */
export class PublishError extends Error {
  override name = 'PublishError';
}

/** Describe a location for a human: "line 12, column 3" / "table 2, row 5, cell 3" / "/tables/…". */
export function describeLocation(at: Location | undefined): string {
  if (!at) return '';
  const parts: string[] = [];
  if (at.page !== undefined) parts.push(`page ${at.page}`);
  if (at.table !== undefined) parts.push(`HTML table ${at.table}`);
  if (at.row !== undefined) parts.push(`row ${at.row}`);
  if (at.cell !== undefined) parts.push(`cell ${at.cell}`);
  if (at.line !== undefined) parts.push(`line ${at.line}`);
  if (at.column !== undefined) parts.push(`column ${at.column}`);
  if (at.pointer !== undefined) parts.push(`at ${at.pointer || '/'}`);
  return parts.join(', ');
}

/** The configuration file cannot be used: each problem names the field and what was expected. Exit 2. */
export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(
    readonly file: string,
    readonly problems: readonly string[],
  ) {
    super(`${file}: ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/**
 * A remote xxgk publishes to or reads from (GitHub, a git server) failed: a 5xx that persisted through the retries, a
 * rate limit still there after its retry, a refused token, a dropped connection, a timeout. Names the remote and the
 * step. Exit 2: the operator's network or the remote, not a bug in xxgk.
 */
export class RemoteError extends Error {
  override name = 'RemoteError';
  constructor(
    readonly remote: string,
    readonly step: string,
    detail: string,
    options?: { cause?: unknown },
  ) {
    super(`${remote}: ${step}: ${detail}`, options);
  }
}
