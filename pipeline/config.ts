/**
 * The configuration, read once: xxgk.config.yaml parsed (yaml), checked against schemas/config.schema.json (ajv,
 * 2020-12, allErrors), defaults filled, then the rules a schema cannot say (cron, time zone, unique ids, no secrets
 * in the file). Environment variables override secrets only: GITHUB_TOKEN (never from the file) and GITHUB_API_URL.
 * Every problem is collected and reported at once, each naming its field. Pure: the caller reads the file and env.
 */
import { posix, win32 } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { validate as validateCron } from 'node-cron';
import { parseDocument } from 'yaml';
import configSchema from '../schemas/config.schema.json' with { type: 'json' };
import { type DatasetSettings, datasetMeta } from './datasets/meta.ts';
import { DEFAULT_RELEASE } from './datasets/release-layout.ts';
import type { DatasetMeta, ReleaseLayout } from './datasets/types.ts';
import { type Raw, describeSchemaError, findSecrets, isObject } from './config-problems.ts';
import { ConfigError } from './errors.ts';
import { READ_LIMITS, type ReadLimits } from './ingest/limits.ts';

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

export interface Config {
  /** The file the configuration came from. */
  file: string;
  sources: Source[];
  publish: {
    /** As written in the file. */
    repo: string;
    target: PublishRepo;
    branch: string;
    /** How long one GitHub API request may take, or a git transfer over HTTP(S) go without progress (ms). */
    timeoutMs: number;
    /** GitHub: retries of a request that failed with a 5xx, a dropped connection or a timeout. */
    retries: number;
  };
  /** The `dataset:` section as written (datasets/meta.ts turns it into the release's metadata). */
  dataset: DatasetSettings;
  schedule?: { cron: string; timezone: string };
  /** Fetching (timeoutMs, concurrency, retries) and the readers' resource limits (ingest/limits.ts). */
  limits: { timeoutMs: number; concurrency: number; retries: number } & ReadLimits;
  github: { token?: string; apiUrl: string };
  /** How listing sources are read (pipeline/adapters/fetch-polite.ts); contact defaults from `dataset:` (operatorContact). */
  harvest: { contact: string; delayMs: number; maxPages: number };
  /** The bodies expected to publish every year, beyond the sources' own (data/coverage.csv). */
  coverage: { divisions: string[]; since?: number };
  /** The `release:` section: layout and the tree's budget (datasets/release-layout.ts); absent when the file has none. */
  release?: ReleaseLayout;
}

export const DEFAULTS = {
  branch: 'main',
  timezone: 'Asia/Shanghai',
  timeoutMs: 30_000,
  maxBytes: READ_LIMITS.maxBytes,
  concurrency: 2,
  retries: 3,
  apiUrl: 'https://api.github.com',
  /** One GitHub request (publish.timeoutMs): long enough for a large asset upload, far below undici's 300 s. */
  publishTimeoutMs: 120_000,
  publishRetries: 3,
  /** The User-Agent's contact when neither harvest.contact nor the dataset: section gives one: the project's page. */
  contact: 'https://github.com/xxgk',
  delayMs: 2000,
  maxPages: 200,
  /** A listing's first report year: the national template's first edition. */
  since: 2019,
} as const;

/** Every environment variable xxgk's configuration reads (all listed in .env.example). */
export const CONFIG_ENV = ['GITHUB_TOKEN', 'GITHUB_API_URL'] as const;

const HTTP_URL = /^https?:\/\/[^\s/]+[^\s]*$/;
const GITHUB_REPO = /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\/[A-Za-z0-9._-]+$/;

let compiled: ReturnType<Ajv2020['compile']> | undefined;
function schemaValidator(): ReturnType<Ajv2020['compile']> {
  compiled ??= new Ajv2020({ allErrors: true, strict: true, strictRequired: false }).compile(configSchema);
  return compiled;
}

function isAbsolutePath(p: string): boolean {
  return posix.isAbsolute(p) || win32.isAbsolute(p);
}

/** A path from the file, resolved against the config file's folder (string work only). */
function resolveFrom(file: string, p: string): string {
  if (isAbsolutePath(p)) return p;
  const dir = posix.dirname(file.replace(/\\/g, '/'));
  return posix.normalize(posix.join(dir, p));
}

function publishTarget(file: string, repo: string): PublishRepo {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(repo) || /^[^\s/@]+@[^\s:]+:/.test(repo)) return { kind: 'git', location: repo };
  const isGitHub = GITHUB_REPO.test(repo) && !repo.endsWith('.git') && !repo.startsWith('.') && !repo.includes('/.');
  if (isGitHub) {
    const [owner = '', name = ''] = repo.split('/');
    return { kind: 'github', owner, name };
  }
  return { kind: 'git', location: resolveFrom(file, repo) };
}

function validTimezone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** Read xxgk.config.yaml text into a Config; throws ConfigError listing every problem. */
export function loadConfig(text: string, file: string, env: Record<string, string | undefined>): Config {
  const problems: string[] = [];
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) throw new ConfigError(file, doc.errors.map((e) => `YAML: ${e.message.split('\n')[0]}`));
  const data: unknown = doc.toJS() ?? {};
  if (!isObject(data)) throw new ConfigError(file, ['(top level): expected a mapping with sources and publish']);

  findSecrets(data, '', problems);
  // Regions written unquoted arrive as numbers: take six-digit numbers as the codes they are.
  if (Array.isArray(data.sources)) {
    for (const s of data.sources) if (isObject(s) && typeof s.region === 'number' && Number.isInteger(s.region)) s.region = String(s.region);
  }
  const validate = schemaValidator();
  if (!validate(data)) {
    for (const e of validate.errors ?? []) {
      const message = describeSchemaError(e);
      if (message && !problems.includes(message)) problems.push(message);
    }
  }

  // Rules beyond the schema, on whatever is well-formed enough to check.
  const sources = Array.isArray(data.sources) ? data.sources.filter(isObject) : [];
  const seen = new Map<string, number>();
  (Array.isArray(data.sources) ? data.sources : []).forEach((s, i) => {
    if (!isObject(s) || typeof s.id !== 'string') return;
    const first = seen.get(s.id);
    if (first !== undefined) problems.push(`sources[${i}].id: "${s.id}" is already used by sources[${first}]`);
    else seen.set(s.id, i);
  });
  const schedule = isObject(data.schedule) ? data.schedule : undefined;
  if (schedule && typeof schedule.cron === 'string' && schedule.cron.trim() && !validateCron(schedule.cron)) {
    problems.push(`schedule.cron: expected a cron expression (e.g. "0 6 * * 1"), got "${schedule.cron}"`);
  }
  if (schedule && typeof schedule.timezone === 'string' && schedule.timezone && !validTimezone(schedule.timezone)) {
    problems.push(`schedule.timezone: expected an IANA time zone (e.g. "Asia/Shanghai"), got "${schedule.timezone}"`);
  }
  (Array.isArray(data.sources) ? data.sources : []).forEach((s, i) => {
    if (isObject(s) && s.maxPages !== undefined && typeof s.listing !== 'string') problems.push(`sources[${i}].maxPages: only a listing source has pages`);
    if (!isObject(s) || typeof s.match !== 'string') return;
    if (typeof s.listing !== 'string') problems.push(`sources[${i}].match: only a listing source takes a match pattern`);
    try {
      new RegExp(s.match, 'u');
    } catch (err) {
      problems.push(`sources[${i}].match: expected a regular expression (${(err as Error).message})`);
    }
  });
  const envApi = env.GITHUB_API_URL?.trim();
  if (envApi && !HTTP_URL.test(envApi)) problems.push(`GITHUB_API_URL (environment): expected an http(s) URL`);

  if (problems.length > 0) throw new ConfigError(file, problems);

  // The schema passed: the shapes below hold.
  const publish = data.publish as { repo: string; branch?: string; apiUrl?: string; timeoutMs?: number; retries?: number };
  const limits = (data.limits ?? {}) as Partial<Config['limits']>;
  const harvest = (data.harvest ?? {}) as Partial<Config['harvest']>;
  const coverage = (data.coverage ?? {}) as Partial<Config['coverage']>;
  const release = isObject(data.release) ? (data.release as Partial<ReleaseLayout>) : undefined;
  const token = env.GITHUB_TOKEN?.trim();
  const config: Config = {
    file,
    sources: sources.map((s) => toSource(file, s)),
    publish: {
      repo: publish.repo, target: publishTarget(file, publish.repo), branch: publish.branch ?? DEFAULTS.branch,
      timeoutMs: publish.timeoutMs ?? DEFAULTS.publishTimeoutMs, retries: publish.retries ?? DEFAULTS.publishRetries,
    },
    dataset: (data.dataset ?? {}) as DatasetSettings,
    limits: {
      ...READ_LIMITS,
      ...limits,
      timeoutMs: limits.timeoutMs ?? DEFAULTS.timeoutMs,
      concurrency: limits.concurrency ?? DEFAULTS.concurrency,
      retries: limits.retries ?? DEFAULTS.retries,
    },
    github: {
      ...(token ? { token } : {}),
      apiUrl: (envApi || publish.apiUrl || DEFAULTS.apiUrl).replace(/\/+$/, ''),
    },
    harvest: {
      contact: harvest.contact ?? operatorContact((data.dataset ?? {}) as DatasetSettings),
      delayMs: harvest.delayMs ?? DEFAULTS.delayMs,
      maxPages: harvest.maxPages ?? DEFAULTS.maxPages,
    },
    coverage: { divisions: [...(coverage.divisions ?? [])].sort(), ...(coverage.since !== undefined ? { since: coverage.since } : {}) },
  };
  if (release) config.release = { ...DEFAULT_RELEASE, ...release };
  if (schedule) config.schedule = { cron: String(schedule.cron), timezone: typeof schedule.timezone === 'string' ? schedule.timezone : DEFAULTS.timezone };
  return config;
}

/**
 * Where site operators can reach whoever runs the harvester, when `harvest.contact` is not set: the `dataset:`
 * publisher's URL, else the contact point's URL, else a mailto: of the contact point's or publisher's email, else
 * the project's page (DEFAULTS.contact; the job warns).
 */
export function operatorContact(dataset: DatasetSettings): string {
  const email = dataset.contactPoint?.email ?? dataset.publisher?.email;
  return dataset.publisher?.url ?? dataset.contactPoint?.url ?? (email ? `mailto:${email}` : DEFAULTS.contact);
}

function toSource(file: string, s: Raw): Source {
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

/**
 * The release's metadata for a config: its `dataset:` section over the placeholder defaults; the base URL from
 * `baseUrl` (a --base-url flag), else the section, else the GitHub Pages URL of a GitHub target.
 */
export function releaseMeta(config: Pick<Config, 'dataset' | 'publish' | 'release'>, baseUrl?: string): DatasetMeta {
  const { target } = config.publish;
  const meta = datasetMeta(config.dataset, {
    ...(target.kind === 'github' ? { github: { owner: target.owner, name: target.name } } : {}),
    ...(baseUrl ? { baseUrl } : {}),
  });
  return config.release ? { ...meta, release: config.release } : meta;
}
