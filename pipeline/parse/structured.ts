/** JSON/YAML input already in the canonical shape (cells as Cell objects, or as plain numbers/null/"-"). */
import { InputError } from '../errors.ts';
import type { StructuredDocument } from '../ingest/types.ts';
import { type CompactReport, reportFromValues } from './from-values.ts';
import type { AnnualReport } from '../model/report.ts';
import { EDITIONS } from '../model/template.ts';

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function parseStructured(doc: StructuredDocument): AnnualReport {
  const file = doc.source.name;
  // A report document of a release (reports/<year>/<id>.json) wraps the report with its validation result.
  const data = isObject(doc.data) && isObject(doc.data.report) && 'validation' in doc.data ? doc.data.report : doc.data;
  const fail = (pointer: string, expected: string): never => {
    throw new InputError(`structured report, at ${pointer}: expected ${expected}`, file, { pointer });
  };
  if (!isObject(data)) return fail('/', 'an object with agency, year, edition and tables');
  if (typeof data.agency !== 'string' || data.agency.trim() === '') fail('/agency', "the agency's name as printed");
  if (!Number.isInteger(data.year)) fail('/year', 'the report year as an integer');
  if (!EDITIONS.includes(data.edition as never)) fail('/edition', `the template edition, one of ${EDITIONS.join(', ')}`);
  if (!isObject(data.tables)) fail('/tables', 'an object with proactive, applications and appeals');
  if (data.published !== undefined && data.published !== null && typeof data.published !== 'string') {
    fail('/published', 'a date (YYYY-MM-DD) or null');
  }
  const report = reportFromValues(data as unknown as CompactReport, doc.source);
  return { ...report, sources: [doc.source] };
}
