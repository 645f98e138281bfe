/** Read one document into a report: ingest (bytes → cells) then parse (cells → AnnualReport). */
import { ingest } from './ingest/index.ts';
import type { AnnualReport } from './model/report.ts';
import { parseDocument } from './parse/index.ts';

export async function readReport(bytes: Uint8Array, name: string): Promise<AnnualReport> {
  return parseDocument(await ingest(bytes, name));
}
