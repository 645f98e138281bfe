/** The configuration's defaults, and the environment variables it reads. */
import { READ_LIMITS } from './ingest/limits.ts';

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
