/**
 * Was a scheduled run missed? Pure: given the cron expression, its timezone, the last attempt and the current time,
 * find the latest scheduled time before now; it was missed when it falls after the last attempt.
 */
import { CronExpressionParser } from 'cron-parser';

export interface MissedInput {
  /** 5 fields, or 6 with seconds first (as node-cron takes them). */
  cron: string;
  /** An IANA timezone the cron expression is read in, e.g. 'Asia/Shanghai'. */
  timezone: string;
  lastAttempt: Date | null;
  now: Date;
}

export type MissedRun =
  | { missed: false; scheduledAt: Date | null }
  | { missed: true; scheduledAt: Date; reason: 'never-run' | 'missed' };

/** The latest scheduled time strictly before now, or null if the expression never fired before now. */
export function previousRun(cron: string, timezone: string, now: Date): Date | null {
  const expr = CronExpressionParser.parse(cron, { currentDate: now, tz: timezone });
  try {
    return expr.prev().toDate();
  } catch {
    return null;
  }
}

export function missedRun({ cron, timezone, lastAttempt, now }: MissedInput): MissedRun {
  const scheduledAt = previousRun(cron, timezone, now);
  if (scheduledAt === null) return { missed: false, scheduledAt: null };
  if (lastAttempt === null) return { missed: true, scheduledAt, reason: 'never-run' };
  if (scheduledAt.getTime() > lastAttempt.getTime()) return { missed: true, scheduledAt, reason: 'missed' };
  return { missed: false, scheduledAt };
}
