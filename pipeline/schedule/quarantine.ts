/**
 * The job's quarantine: the reports (and documents, and sources) a run left out of the release, with why. Written to
 * <output>/quarantine.json by each run that builds; read back by a run that has nothing new to build.
 */
import { readFile } from 'node:fs/promises';
import type { BuildRun } from '../run.ts';

export interface QuarantineEntry {
  /** The report id, or the document / source that could not be read. */
  report: string;
  agency?: string;
  year?: number;
  issues: Array<{ rule: string; severity: string; message: string }>;
  /** The release still holds the report's last good version (it was published before). */
  keptPublished?: boolean;
}

/**
 * What the last run left in quarantine.json: how many entries, and the documents it could not read
 * (document.unreadable); nothing when there is no file.
 */
export async function lastQuarantine(path: string): Promise<{ count: number; unreadable: string[] }> {
  const text = await readFile(path, 'utf8').catch(() => null);
  if (text === null) return { count: 0, unreadable: [] };
  try {
    const doc = JSON.parse(text) as { reports?: QuarantineEntry[] };
    if (!Array.isArray(doc.reports)) return { count: 0, unreadable: [] };
    const unreadable = doc.reports.filter((r) => r.issues?.some((i) => i.rule === 'document.unreadable')).map((r) => r.report);
    return { count: doc.reports.length, unreadable };
  } catch {
    return { count: 0, unreadable: [] };
  }
}

/** The run's quarantine: the failures of fetching, the documents the build could not read, the reports it left out. */
export function quarantineOf(failures: readonly QuarantineEntry[], run: Pick<BuildRun, 'unreadable' | 'excluded' | 'published'>): QuarantineEntry[] {
  return [
    ...failures,
    ...run.unreadable.map((u) => ({ report: u.file, issues: [{ rule: 'document.unreadable', severity: 'error', message: u.message }] })),
    ...run.excluded.map(({ report, validation }) => ({
      report: report.id,
      agency: report.agency,
      year: report.year,
      ...(run.published.has(report.id) ? { keptPublished: true } : {}),
      issues: [
        ...validation.issues.filter((i) => i.severity === 'error').map((i) => ({ rule: i.rule, severity: i.severity, message: i.message.en })),
      ],
    })),
  ];
}
