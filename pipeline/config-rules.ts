/**
 * The configuration's rules that its JSON Schema cannot say: unique source ids, a valid cron expression and IANA
 * time zone, match patterns that compile and belong to listing sources, an http(s) GITHUB_API_URL. Each problem names
 * its field; checked on whatever is well-formed enough to check.
 */
import { validate as validateCron } from 'node-cron';
import { type Raw, isObject } from './config-problems.ts';

const HTTP_URL = /^https?:\/\/[^\s/]+[^\s]*$/;

function validTimezone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** Every problem the rules find in the parsed file `data` and the environment `env`. */
export function ruleProblems(data: Raw, env: Record<string, string | undefined>): string[] {
  const problems: string[] = [];
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
  return problems;
}
