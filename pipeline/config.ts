/**
 * The configuration, read once: xxgk.config.yaml parsed (yaml), checked against schemas/config.schema.json (ajv,
 * 2020-12, allErrors), defaults filled, then the rules a schema cannot say (cron, time zone, unique ids, no secrets
 * in the file). Environment variables override secrets only: GITHUB_TOKEN (never from the file) and GITHUB_API_URL.
 * Every problem is collected and reported at once, each naming its field. Pure: the caller reads the file and env.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parseDocument } from 'yaml';
import configSchema from '../schemas/config.schema.json' with { type: 'json' };
import { type DatasetSettings, datasetMeta } from './datasets/meta.ts';
import { DEFAULT_RELEASE } from './datasets/release-layout.ts';
import type { DatasetMeta, ReleaseLayout } from './datasets/types.ts';
import { describeSchemaError, findSecrets, isObject } from './config-problems.ts';
import { ruleProblems } from './config-rules.ts';
import { type PublishRepo, type Source, publishTarget, toSource } from './config-sources.ts';

export type { PublishRepo, Source } from './config-sources.ts';
import { ConfigError } from './errors.ts';
import { READ_LIMITS, type ReadLimits } from './ingest/limits.ts';
import { DEFAULTS } from './config-defaults.ts';

export { CONFIG_ENV, DEFAULTS } from './config-defaults.ts';


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

let compiled: ReturnType<Ajv2020['compile']> | undefined;
function schemaValidator(): ReturnType<Ajv2020['compile']> {
  compiled ??= new Ajv2020({ allErrors: true, strict: true, strictRequired: false }).compile(configSchema);
  return compiled;
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

  problems.push(...ruleProblems(data, env));
  if (problems.length > 0) throw new ConfigError(file, problems);

  // The schema passed: the shapes below hold.
  const sources = Array.isArray(data.sources) ? data.sources.filter(isObject) : [];
  const schedule = isObject(data.schedule) ? data.schedule : undefined;
  const envApi = env.GITHUB_API_URL?.trim();
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
