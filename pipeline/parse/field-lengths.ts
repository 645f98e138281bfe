/**
 * Field lengths: a report whose agency name, cell text, cell note or narrative fragment is longer than
 * limits.maxFieldLength characters is refused, with the field named. Refused, not cut: a cut name would be a
 * different name, and every output row repeats the agency's name (a 100 KB name became 52 MB of output). Real
 * fields are a few dozen characters; the longest real cell notes a few hundred. Pure.
 */
import { LimitError } from '../ingest/limits.ts';
import type { AnnualReport } from '../model/report.ts';

/**
 * The report's first text field (in document order) past `max`, as a JSON pointer and its length; null when every
 * field fits. The pointer is spelt only for the field found (a path of keys is kept while walking): the walk runs
 * on every report read, over every cell.
 */
export function longField(report: AnnualReport, max: number): { pointer: string; length: number } | null {
  let found: { pointer: string; length: number } | null = null;
  const path: Array<string | number> = [];
  const here = (): string => path.map((p) => `/${p}`).join('');
  const visit = (value: unknown): void => {
    if (found) return;
    if (typeof value === 'string') {
      if (value.length > max) found = { pointer: here(), length: value.length };
    } else if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        if (!(i in value)) continue;
        path.push(i);
        visit(value[i]);
        path.pop();
      }
    } else if (typeof value === 'object' && value !== null) {
      for (const k of Object.keys(value)) {
        if (k.length > max) found = { pointer: `${here()}/${k.slice(0, 40)}…`, length: k.length };
        else {
          path.push(k);
          visit((value as Record<string, unknown>)[k]);
          path.pop();
        }
      }
    }
  };
  // The sources are the documents' own names and hashes, not the report's text.
  const { sources: _sources, ...fields } = report;
  visit(fields);
  return found;
}

export function checkFieldLengths(report: AnnualReport, max: number, file: string): void {
  const long = longField(report, max);
  if (long) throw new LimitError(`the report's field ${long.pointer} is ${long.length} characters long`, 'maxFieldLength', max, file);
}
