/**
 * Check a report against schemas/annual-report.schema.json: one ajv instance (2020-12, allErrors, formats),
 * compiled lazily on first use. Each schema error becomes an Issue (rule 'schema', severity 'error'). A report is first
 * given the same schema compiled to stop at its first error (validators.ts 'annual-report-check': no error bookkeeping
 * on a report that conforms); the allErrors validator runs only on one that fails it, for its errors. Pure.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { Issue } from '../model/issue.ts';
import type { TableId } from '../model/template.ts';
import { TABLE_IDS } from '../model/template.ts';
import { schemaMessage } from './schema-messages.ts';
import { validatorFor } from '../validators.ts';

function validator(): ValidateFunction {
  return validatorFor('annual-report');
}

/** Whether a report conforms to the report schema: ajv's answer, stopping at the first error. */
export function conforms(report: unknown): boolean {
  return validatorFor('annual-report-check')(report) as boolean;
}

function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** The table, row and column an instancePath points into, when it points into /tables. */
export function locateInTables(instancePath: string): { table?: TableId; row?: string; column?: string } {
  const [, top, table, row, column] = instancePath.split('/').map(unescapePointer);
  if (top !== 'tables' || !table || !(TABLE_IDS as readonly string[]).includes(table)) return {};
  return {
    table: table as TableId,
    ...(row !== undefined ? { row } : {}),
    ...(column !== undefined ? { column } : {}),
  };
}

/** Errors that only say "a branch failed" repeat what the branch's own errors say. */
function isNoise(error: ErrorObject): boolean {
  return error.keyword === 'if' || error.keyword === 'allOf';
}

/** The path of the property an error is about: the missing or unknown one, else the instance itself. */
function subjectPath(error: ErrorObject): string {
  const p = error.params as { missingProperty?: unknown; additionalProperty?: unknown };
  const name = error.keyword === 'required' ? p.missingProperty
    : error.keyword === 'additionalProperties' ? p.additionalProperty : undefined;
  if (typeof name !== 'string') return error.instancePath;
  return `${error.instancePath}/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

export function toIssue(reportId: string, error: ErrorObject): Issue {
  const at = locateInTables(subjectPath(error));
  return {
    rule: 'schema',
    severity: 'error',
    report: reportId,
    ...at,
    message: schemaMessage(error),
  };
}

/** Schema errors of a report (an empty list when it conforms). */
export function schemaIssues(report: unknown): Issue[] {
  if (conforms(report)) return [];
  const validate = validator();
  if (validate(report)) return [];
  const id = typeof (report as { id?: unknown } | null)?.id === 'string' ? (report as { id: string }).id : '';
  return (validate.errors ?? []).filter((e) => !isNoise(e)).map((e) => toIssue(id, e));
}
