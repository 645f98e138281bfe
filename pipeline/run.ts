/**
 * The pipeline as far as it goes: read every document in a folder, merge renderings of the same report,
 * validate, and write one canonical JSON per report plus a validation summary. Composition only.
 */
import { join } from 'node:path';
import { listFiles, readBytes, writeAtomic } from './adapters/fs.ts';
import { InputError } from './errors.ts';
import type { ValidationResult } from './model/issue.ts';
import type { AnnualReport } from './model/report.ts';
import { type Conflict, mergeRenderings } from './parse/merge.ts';
import { readReport } from './read.ts';
import { validateAll } from './validate/index.ts';

export interface RunResult {
  files: number;
  reports: AnnualReport[];
  results: Map<string, ValidationResult>;
  unreadable: Array<{ file: string; message: string }>;
  conflicts: Conflict[];
}

export async function readFolder(inDir: string): Promise<Omit<RunResult, 'results'>> {
  const files = await listFiles(inDir);
  const read: AnnualReport[] = [];
  const unreadable: RunResult['unreadable'] = [];
  for (const file of files) {
    try {
      read.push(await readReport(await readBytes(join(inDir, file)), file));
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      unreadable.push({ file, message: err.message });
    }
  }
  const { reports, conflicts } = mergeRenderings(read);
  return { files: files.length, reports, unreadable, conflicts };
}

export function reportDocument(report: AnnualReport, result: ValidationResult): object {
  return { ...report, validation: result };
}

export async function runPipeline(inDir: string, outDir: string): Promise<RunResult> {
  const read = await readFolder(inDir);
  const results = validateAll(read.reports);
  for (const report of read.reports) {
    const doc = reportDocument(report, results.get(report.id)!);
    await writeAtomic(join(outDir, 'reports', String(report.year), `${report.id}.json`), `${JSON.stringify(doc, null, 2)}\n`);
  }
  const summary = {
    files: read.files,
    reports: read.reports.map((r) => {
      const v = results.get(r.id)!;
      return {
        id: r.id,
        agency: r.agency,
        year: r.year,
        edition: r.edition,
        sources: r.sources.map((s) => s.name),
        valid: v.valid,
        errors: v.issues.filter((i) => i.severity === 'error').length,
        warnings: v.issues.filter((i) => i.severity === 'warning').length,
      };
    }),
    unreadable: read.unreadable,
    conflicts: read.conflicts,
  };
  await writeAtomic(join(outDir, 'validation.json'), `${JSON.stringify(summary, null, 2)}\n`);
  return { ...read, results };
}
