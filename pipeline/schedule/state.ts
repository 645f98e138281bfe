/**
 * The run state kept between scheduled runs: when the last run was tried and when one succeeded, the last version
 * published, and per source the validators for a conditional fetch. Written atomically; a corrupt file is kept aside
 * as state.json.corrupt-<time> and the run starts fresh.
 */
import { readFile, rename } from 'node:fs/promises';
import { writeAtomic } from '../adapters/fs.ts';
import type { Clock } from '../adapters/clock.ts';

export interface SourceValidators {
  etag: string | null;
  lastModified: string | null;
  sha256: string | null;
}

export interface RunState {
  version: 1;
  /** ISO 8601 times. */
  lastAttempt: string | null;
  lastSuccess: string | null;
  lastPublishedVersion: string | null;
  /** Keyed by source id (its URL or configured name). */
  sources: Record<string, SourceValidators>;
  /** The last run's source warnings (a source that matched nothing, or fewer documents than the run before). */
  warnings?: string[];
}

export type StateCheck = { ok: true; state: RunState } | { ok: false; reason: string };

export interface ReadStateResult {
  state: RunState;
  /** Set when the file was corrupt: what was wrong and where the file was moved. */
  recovered?: { reason: string; keptAs: string; message: string };
}

export function emptyState(): RunState {
  return { version: 1, lastAttempt: null, lastSuccess: null, lastPublishedVersion: null, sources: {} };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isTime = (v: unknown): boolean => v === null || (typeof v === 'string' && !Number.isNaN(Date.parse(v)));
const isNullableString = (v: unknown): boolean => v === null || typeof v === 'string';
const KEYS = ['version', 'lastAttempt', 'lastSuccess', 'lastPublishedVersion', 'sources', 'warnings'];
const SOURCE_KEYS = ['etag', 'lastModified', 'sha256'];

function unexpectedKey(v: Record<string, unknown>, allowed: string[]): string | undefined {
  return Object.keys(v).find((k) => !allowed.includes(k));
}

/** Check the shape of parsed JSON; the reason names the offending field and what was expected. */
export function checkState(value: unknown): StateCheck {
  if (!isObject(value)) return { ok: false, reason: 'expected a JSON object' };
  const extra = unexpectedKey(value, KEYS);
  if (extra !== undefined) return { ok: false, reason: `unexpected field "${extra}"` };
  if (value.version !== 1) return { ok: false, reason: `"version": expected 1, got ${JSON.stringify(value.version)}` };
  for (const key of ['lastAttempt', 'lastSuccess'] as const) {
    if (!isTime(value[key])) return { ok: false, reason: `"${key}": expected an ISO 8601 time or null` };
  }
  if (!isNullableString(value.lastPublishedVersion)) {
    return { ok: false, reason: '"lastPublishedVersion": expected a string or null' };
  }
  if (value.warnings !== undefined && !(Array.isArray(value.warnings) && value.warnings.every((w) => typeof w === 'string'))) {
    return { ok: false, reason: '"warnings": expected a list of strings' };
  }
  if (!isObject(value.sources)) return { ok: false, reason: '"sources": expected an object keyed by source' };
  for (const [id, source] of Object.entries(value.sources)) {
    if (!isObject(source)) return { ok: false, reason: `"sources"."${id}": expected an object` };
    const bad = unexpectedKey(source, SOURCE_KEYS) ?? SOURCE_KEYS.find((k) => !isNullableString(source[k]));
    if (bad !== undefined) return { ok: false, reason: `"sources"."${id}"."${bad}": expected one of ${SOURCE_KEYS.join(', ')} as a string or null` };
    if (source.sha256 != null && !/^[0-9a-f]{64}$/.test(String(source.sha256))) {
      return { ok: false, reason: `"sources"."${id}"."sha256": expected 64 lowercase hex digits` };
    }
  }
  return { ok: true, state: value as unknown as RunState };
}

/** Parse the text of a state file (pure). */
export function parseState(text: string): StateCheck {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { ok: false, reason: `not valid JSON (${(err as Error).message})` };
  }
  return checkState(value);
}

export function serializeState(state: RunState): string {
  return `${JSON.stringify(state, null, 2)}\n`;
}

/** Read the state at path: empty when there is none; a corrupt file is renamed aside and an empty state returned. */
export async function readState(path: string, clock: Clock): Promise<ReadStateResult> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { state: emptyState() };
    throw err;
  }
  const checked = parseState(text);
  if (checked.ok) return { state: checked.state };
  const keptAs = `${path}.corrupt-${clock().toISOString().replace(/[:.]/g, '-')}`;
  await rename(path, keptAs);
  const message = `run state ${path} is corrupt: ${checked.reason}; kept it as ${keptAs} and started from an empty state`;
  return { state: emptyState(), recovered: { reason: checked.reason, keptAs, message } };
}

/** Write the state atomically (temporary file, then rename). Checked first so a bad state is never written. */
export async function writeState(path: string, state: RunState): Promise<void> {
  const checked = checkState(state);
  if (!checked.ok) throw new TypeError(`refusing to write run state ${path}: ${checked.reason}`);
  await writeAtomic(path, serializeState(state));
}
