/**
 * Where the configuration points: its sources and its publish target, with relative paths resolved against the
 * config file's folder (string work only: nothing is read).
 */
import { posix, win32 } from 'node:path';
import type { Raw } from './config-problems.ts';
import { DEFAULTS } from './config-defaults.ts';

interface SourceBase {
  /** An ASCII slug, unique in the file. */
  id: string;
  /** The agency's name. */
  name: string;
  /** Six-digit GB/T 2260 code. */
  region: string;
  /** A published report of this source that a run no longer reads is withdrawn (not kept), when the source yields something. */
  withdrawMissing?: boolean;
}
/** Where a source's reports come from: a URL, a local path or glob, or an inbox folder (paths resolved against the config file's folder). */
export type Source =
  | (SourceBase & { kind: 'url'; url: string })
  | (SourceBase & { kind: 'path'; path: string })
  | (SourceBase & { kind: 'inbox'; inbox: string })
  | (SourceBase & { kind: 'listing'; listing: string; match?: string; since: number; maxPages?: number });

export type PublishRepo = { kind: 'github'; owner: string; name: string } | { kind: 'git'; location: string };

const GITHUB_REPO = /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\/[A-Za-z0-9._-]+$/;

function isAbsolutePath(p: string): boolean {
  return posix.isAbsolute(p) || win32.isAbsolute(p);
}

/** A path from the file, resolved against the config file's folder (string work only). */
function resolveFrom(file: string, p: string): string {
  if (isAbsolutePath(p)) return p;
  const dir = posix.dirname(file.replace(/\\/g, '/'));
  return posix.normalize(posix.join(dir, p));
}

export function publishTarget(file: string, repo: string): PublishRepo {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(repo) || /^[^\s/@]+@[^\s:]+:/.test(repo)) return { kind: 'git', location: repo };
  const isGitHub = GITHUB_REPO.test(repo) && !repo.endsWith('.git') && !repo.startsWith('.') && !repo.includes('/.');
  if (isGitHub) {
    const [owner = '', name = ''] = repo.split('/');
    return { kind: 'github', owner, name };
  }
  return { kind: 'git', location: resolveFrom(file, repo) };
}

export function toSource(file: string, s: Raw): Source {
  const base = { id: String(s.id), name: String(s.name), region: String(s.region), ...(s.withdrawMissing === true ? { withdrawMissing: true } : {}) };
  if (typeof s.url === 'string') return { ...base, kind: 'url', url: s.url };
  if (typeof s.path === 'string') return { ...base, kind: 'path', path: resolveFrom(file, s.path) };
  if (typeof s.listing === 'string') {
    return {
      ...base, kind: 'listing', listing: s.listing,
      ...(typeof s.match === 'string' ? { match: s.match } : {}),
      since: typeof s.since === 'number' ? s.since : DEFAULTS.since,
      ...(typeof s.maxPages === 'number' ? { maxPages: s.maxPages } : {}),
    };
  }
  return { ...base, kind: 'inbox', inbox: resolveFrom(file, String(s.inbox)) };
}
