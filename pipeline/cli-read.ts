/** The commands that read reports one by one: parse and validate. Loaded by cli.ts only when one of them runs. */
import { basename } from 'node:path';
import { readInput } from './adapters/fs.ts';
import { READ_LIMITS } from './ingest/limits.ts';
import { InputError, describeLocation } from './errors.ts';
import type { Issue, ValidationResult } from './model/issue.ts';
import type { AnnualReport } from './model/report.ts';
import { readReport } from './read.ts';
import { printableLine, printableText } from './printable.ts';
import { registryResolver } from './resolvers.ts';
import { validateAll } from './validate/index.ts';
import { identifyAll } from './agencies/identify.ts';
import { EXIT } from './exit.ts';

interface Read {
  file: string;
  report: AnnualReport;
}

/**
 * Read every file and give each report its registry identity (agencies.yaml); print unreadable ones to stderr.
 * Returns the reports, the warnings of names that did not resolve, and whether any file failed.
 */
async function readAll(files: string[]): Promise<{ read: Read[]; found: Map<string, Issue[]>; failed: boolean }> {
  const read: Read[] = [];
  let failed = false;
  for (const file of files) {
    try {
      const bytes = await readInput(file, file, READ_LIMITS.maxBytes);
      read.push({ file, report: await readReport(bytes, basename(file)) });
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      process.stderr.write(`${printableLine(`xxgk: ${file}: ${err.message}`)}\n`);
      failed = true;
    }
  }
  const { reports, found } = identifyAll(read.map((r) => r.report), await registryResolver());
  return { read: read.map((r, k) => ({ file: r.file, report: reports[k]! })), found, failed };
}

/** A value printed as text where a number belongs is bad input (exit 2); other errors are validation errors (1). */
function exitFor(results: Iterable<ValidationResult>, inputFailed: boolean): number {
  let code: number = inputFailed ? EXIT.input : EXIT.ok;
  for (const r of results) {
    if (r.issues.some((i) => i.rule === 'value.not_a_number')) code = EXIT.input;
    else if (!r.valid && code === EXIT.ok) code = EXIT.invalid;
  }
  return code;
}

function formatIssue(issue: Issue): string {
  const where = [issue.table, issue.row, issue.column].filter(Boolean).join(' / ');
  const numbers = issue.expected !== undefined || issue.found !== undefined ? ` expected ${issue.expected ?? '—'}, found ${issue.found ?? '—'}` : '';
  const head = `  ${issue.severity.padEnd(7)} ${issue.rule}${where ? ` [${where}]` : ''}${numbers}`;
  return [head, `          ${issue.message.en}`, `          ${issue.message.zh}`].map(printableLine).join('\n');
}

/** Cells printed as text where a number belongs: bad input, reported on stderr by every command. */
function reportTextCells(read: Read[], results: Map<string, ValidationResult>): boolean {
  let found = false;
  for (const { file, report } of read) {
    for (const issue of results.get(report.id)?.issues ?? []) {
      if (issue.rule !== 'value.not_a_number') continue;
      process.stderr.write(`${printableLine(`xxgk: ${file}: ${issue.message.en}${issue.source ? ` (${describeLocation(issue.source)})` : ''}; expected a number`)}\n`);
      found = true;
    }
  }
  return found;
}

export async function parseCommand(files: string[], opts: { format: 'json' | 'csv' }): Promise<number> {
  const { read, failed: unreadable } = await readAll(files);
  const failed = reportTextCells(read, validateAll(read.map((r) => r.report))) || unreadable;
  if (opts.format === 'csv') {
    const [{ stringify }, { tidyRows }] = await Promise.all([import('csv-stringify/sync'), import('./datasets/tidy-rows.ts')]);
    const rows = read.flatMap((r) => tidyRows(r.report)).map((t) => [t.report_id, t.year, t.edition, t.table, t.row, t.column, t.value ?? ''].map((v) => (typeof v === 'string' ? printableText(v) : v)));
    process.stdout.write(stringify(rows, { header: true, columns: ['report_id', 'year', 'edition', 'table', 'row', 'column', 'value'] }));
  } else {
    const reports = read.map((r) => r.report);
    process.stdout.write(`${JSON.stringify(reports.length === 1 ? reports[0] : reports, null, 2)}\n`);
  }
  return failed ? EXIT.input : EXIT.ok;
}

export async function validateCommand(files: string[], opts: { format: 'text' | 'json' }): Promise<number> {
  const { read, found, failed } = await readAll(files);
  const results = validateAll(read.map((r) => r.report), { found });
  reportTextCells(read, results);
  if (opts.format === 'json') {
    const out = read.map((r) => ({ file: r.file, report: r.report.id, ...results.get(r.report.id)! }));
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  } else {
    for (const { file, report } of read) {
      const result = results.get(report.id)!;
      const count = (s: string) => result.issues.filter((i) => i.severity === s).length;
      process.stdout.write(
        `${printableLine(`${file}: ${report.id} (${report.agency}, ${report.year}, ${report.edition} edition): ${result.valid ? 'valid' : 'INVALID'}, ${count('error')} errors, ${count('warning')} warnings`)}\n`,
      );
      for (const issue of result.issues) process.stdout.write(`${formatIssue(issue)}\n`);
    }
  }
  return exitFor(results.values(), failed);
}
