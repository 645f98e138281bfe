/** parseDocument: an ingested document → the canonical AnnualReport. Pure; throws InputError when it cannot. */
import { InputError } from '../errors.ts';
import type { CellDocument, IngestedDocument, TextCell } from '../ingest/types.ts';
import { completeTables } from '../model/complete.ts';
import { missingRows } from '../model/missing-rows.ts';
import type { AnnualReport } from '../model/report.ts';
import { reportId } from '../model/report-id.ts';
import { PROACTIVE, TABLES, type TableId, rowsOf } from '../model/template.ts';
import { detectEdition, foreignColumnHeaders } from './detect-edition.ts';
import { findSections } from './find-sections.ts';
import { readMetadataTitled } from './metadata.ts';
import { readAppealResults, readNarrative } from './narrative.ts';
import { layoutRows } from './layout-rows.ts';
import { joinBrokenFigures } from './layout-broken.ts';
import { dropPageNumberLines } from './layout-lines.ts';
import { joinCellNotes } from './layout-notes.ts';
import { stackedTexts } from './layout-stacks.ts';
import { joinThousands } from './layout-thousands.ts';
import { joinWrappedLabels } from './layout-wrapped-labels.ts';
import { isPageNumber } from './normalize.ts';
import { flatLines, groupHeadings } from './flat-rows.ts';
import { markdownLines } from './markdown-lines.ts';
import { type ToLines, readFlatTables } from './read-flat.ts';
import { rawLines } from './raw-lines.ts';
import { refuseRaw } from './refuse-raw.ts';
import { readAppeals, readApplications, readProactive } from './read-tables.ts';
import { statedUnits } from './stated-unit.ts';
import { parseStructured } from './structured.ts';

export function parseDocument(doc: IngestedDocument): AnnualReport {
  if (doc.kind === 'structured') return parseStructured(doc);
  if (doc.source.rendering === 'pdftotext-raw') return refuseRaw(doc.source.name, () => parseCells(doc));
  const scanned = doc.scannedPages ?? [];
  try {
    const report = parseCells(doc);
    // Rows not printed are absent; but with pages that are scans, the rows may be on them: not known, so refused.
    const [missing] = scanned.length > 0 ? missingRows(report.edition, report.tables) : [];
    if (missing) {
      throw new InputError(`${TABLES[missing.table].zh}: rows ${missing.rows.join(', ')} not found`, doc.source.name);
    }
    return report;
  } catch (err) {
    if (!(err instanceof InputError) || scanned.length === 0) throw err;
    throw new InputError(
      `${err.message} (page${scanned.length > 1 ? 's' : ''} ${scanned.join(', ')} of this PDF ` +
        `${scanned.length > 1 ? 'are scans' : 'is a scan'} with no text layer: run OCR on it first)`,
      err.file,
      err.at,
    );
  }
}

/** Lossy renderings: how a table section's cells make rows (read by read-flat.ts, with the template's arithmetic). */
const LOSSY_LINES: Partial<Record<string, ToLines>> = {
  'flat-text': (cells) => flatLines(cells),
  'pdftotext-raw': rawLines,
  markdown: (cells, table, edition) => markdownLines(cells, groupHeadings(rowsOf(table, edition))),
};

/** Table 三's figure columns: the six kinds of applicant and 总计, in both editions. */
const TABLE_三_WIDTH = 7;

function parseCells(doc: CellDocument): AnnualReport {
  const file = doc.source.name;
  const cells = doc.cells.filter((c) => !isPageNumber(c.text));
  const sections = findSections(cells);
  for (const id of ['proactive', 'applications', 'appeals'] as TableId[]) {
    if (!sections[id]) {
      const found = Object.keys(sections).length;
      throw new InputError(
        found === 0
          ? `not an annual report in the national template: none of the sections 二、主动公开政府信息情况, 三、收到和处理政府信息公开申请情况, 四、政府信息公开行政复议、行政诉讼情况 was found`
          : `section ${TABLES[id].zh} not found: expected tables 二, 三 and 四 of the national template (is the report cut off?)`,
        file,
      );
    }
  }
  const proactive = sections.proactive!;
  const applications = sections.applications!;
  const appeals = sections.appeals!;
  const slice = (s: { start: number; end: number }): TextCell[] => cells.slice(s.start, s.end);

  const layout = doc.source.rendering === 'pdftotext-layout';
  const tabbed = doc.source.rendering === 'word-text';
  // Layout text wraps narrow header cells and labels over several lines: read them whole as well.
  const tableCells = cells.slice(proactive.start, applications.end);
  const meta = readMetadataTitled(cells, proactive.heading, doc.documentTitle);
  // Table 三 of layout text with its notes joined and its wrapped labels rebuilt into rows: read once, for the edition and the table.
  const applicationRows = layout ? layoutRows(joinBrokenFigures(joinCellNotes(dropPageNumberLines(slice(applications))), TABLE_三_WIDTH)) : slice(applications);
  // A tie between the editions' labels is decided by the report year (the edition in force that year).
  const evidence = detectEdition(layout ? [...tableCells, ...stackedTexts(tableCells), ...applicationRows] : tableCells, meta.year);
  if (!evidence.edition) {
    // A web page or .docx whose sections 二 and 三 hold no table at all prints its tables some other way (images, an attachment).
    const noTable = (doc.source.rendering === 'html' || doc.source.rendering === 'docx') && !tableCells.some((c) => c.at.table !== undefined);
    throw new InputError(
      `template edition unknown: the labels of tables 二 and 三 match ${
        evidence.found['2019'].length === 0 ? 'neither the 2019 nor the 2021 edition' : 'the 2019 and the 2021 edition equally'
      } (2019 labels found: ${evidence.found['2019'].join('、') || 'none'}; 2021 labels found: ${evidence.found['2021'].join('、') || 'none'})${
        noTable ? '; the sections print no table: are the tables images or an attachment?' : ''}`,
      file,
    );
  }
  const edition = evidence.edition;
  const foreign = foreignColumnHeaders(evidence);
  if (foreign.length > 0) {
    throw new InputError(
      `template edition unclear: the tables print the ${edition} edition's labels (${evidence.found[edition].join('、')}) but also ` +
        `the ${edition === '2019' ? '2021' : '2019'} edition's column headers ${foreign.join('、')}: which columns the figures of table 二 are in cannot be told`,
      file,
    );
  }
  if (meta.year === null) {
    throw new InputError('report year not found: expected a title such as "2020年政府信息公开工作年度报告"', file);
  }
  if (meta.agency === null) {
    throw new InputError(`agency name not found: expected it in or above the title "${meta.year}年政府信息公开工作年度报告"`, file);
  }
  // Table 二's money columns: the unit its headers or notes state (the heading too: "二、主动公开政府信息情况（单位：元）").
  const proactiveCells = cells.slice(proactive.heading, proactive.end);
  const units = statedUnits(file, PROACTIVE, edition, layout ? [...proactiveCells, ...stackedTexts(proactiveCells)] : proactiveCells);
  const lossy = LOSSY_LINES[doc.source.rendering];
  const narrativeCells = [...cells.slice(0, proactive.heading), ...cells.slice(appeals.end)];
  const narrative = readNarrative(narrativeCells);
  const printed = lossy
    ? readFlatTables(file, edition, { proactive: slice(proactive), applications: slice(applications), appeals: slice(appeals) }, units, lossy, [...narrative, ...readAppealResults(narrativeCells)])
    : {
        proactive: readProactive(file, edition, layout ? joinThousands(joinWrappedLabels(slice(proactive), PROACTIVE, edition), PROACTIVE, edition) : slice(proactive), units, tabbed),
        applications: readApplications(file, edition, applicationRows, tabbed),
        appeals: readAppeals(file, edition, slice(appeals), layout, tabbed),
      };
  const tables = completeTables(edition, printed);
  return {
    id: reportId(meta.agency, meta.year),
    agency: meta.agency,
    year: meta.year,
    published: meta.published,
    edition,
    sources: [doc.source],
    tables,
    narrative,
  };
}
