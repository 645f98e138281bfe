/** Read one document into a report: ingest (bytes → cells) then parse (cells → AnnualReport). */
import { ingest } from './ingest/index.ts';
import { READ_LIMITS, type ReadLimits } from './ingest/limits.ts';
import type { AnnualReport } from './model/report.ts';
import { checkFieldLengths } from './parse/field-lengths.ts';
import { parseDocument } from './parse/index.ts';

export async function readReport(bytes: Uint8Array, name: string, limits: ReadLimits = READ_LIMITS): Promise<AnnualReport> {
  const report = parseDocument(await ingest(bytes, name, { limits }));
  checkFieldLengths(report, limits.maxFieldLength, name);
  return report;
}
