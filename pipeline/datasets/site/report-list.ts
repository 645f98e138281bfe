/** The table of reports that the index (per year) and the year pages show. Pure. */
import type { ReportSummary } from '../types.ts';
import { bi, bytes, esc, href, num, reportJsonLink, statusBadge } from './html.ts';
import { HEADLINE } from './labels.ts';

/** A table of reports, one row each: body (linking to its page), edition, headline figures, validation, JSON. */
export function reportTable(reports: readonly ReportSummary[], fromPage: string, caption?: string): string {
  return [...reportTableChunks(reports, fromPage, caption)].join('');
}

/** Rows of the table put together at a time (reportTableChunks). */
const ROWS_A_CHUNK = 500;

/**
 * The table of reportTable in pieces, ROWS_A_CHUNK rows each: a year's table at national scale (14,000 reports,
 * some 15 MB) is written without being built whole.
 */
export function* reportTableChunks(reports: readonly ReportSummary[], fromPage: string, caption?: string): Generator<string> {
  const head = HEADLINE.map((h) => `<th scope="col" class="num">${bi(h.zh, h.en)}</th>`).join('');
  const row = (s: ReportSummary): string => {
    const figures = HEADLINE.map((h) => `<td class="num">${num(s.headline[h.key])}</td>`).join('');
    // The national layout links a report to its row here (release-layout.ts nationalLinks): the row is the anchor.
    const anchor = s.page.endsWith(`#${s.id}`) ? ` id="${esc(s.id)}"` : '';
    return `<tr${anchor} data-report="${esc(s.id)}" data-warnings="${s.warnings}" data-errors="${s.errors}">`
      + `<th scope="row"><a href="${esc(href(fromPage, s.page))}">${esc(s.agency)}</a><span class="code">${esc(s.id)}</span></th>`
      + `<td>${esc(s.edition)}</td>${figures}`
      + `<td>${statusBadge(s.warnings, s.errors, s.flags)}${s.flags.map((f) => `<span class="code">${esc(f)}</span>`).join('')}</td>`
      + `<td>${reportJsonLink(fromPage, s.json.path, s.id)}<span class="code">${bytes(s.json.bytes)}</span></td>`
      + '</tr>';
  };
  yield `<div class="wrap"><table class="reports">${caption ? `<caption class="note">${caption}</caption>` : ''}
<thead><tr><th scope="col">${bi('机关', 'Body')}</th><th scope="col">${bi('模板', 'Edition')}</th>${head}<th scope="col">${bi('校验', 'Validation')}</th><th scope="col">${bi('数据', 'Data')}</th></tr></thead>
<tbody>
`;
  for (let at = 0; at < reports.length; at += ROWS_A_CHUNK) {
    yield `${at > 0 ? '\n' : ''}${reports.slice(at, at + ROWS_A_CHUNK).map(row).join('\n')}`;
  }
  yield `
</tbody></table></div>`;
}

/** The reports of a release grouped by year, in year order. */
export function byYear(reports: readonly ReportSummary[]): Array<[number, ReportSummary[]]> {
  const groups = new Map<number, ReportSummary[]>();
  // Pushed, not copied: a year of 14,000 reports copied at every report was quadratic in time and garbage.
  for (const s of reports) {
    const list = groups.get(s.year);
    if (list) list.push(s);
    else groups.set(s.year, [s]);
  }
  return [...groups].sort((a, b) => a[0] - b[0]);
}

/** Sum a headline figure over reports (null when none prints it), and count the reports that print it. */
export function total(reports: readonly ReportSummary[], key: keyof ReportSummary['headline']): { value: number | null; counted: number } {
  const values = reports.map((s) => s.headline[key]).filter((v): v is number => v !== null);
  return { value: values.length ? values.reduce((a, b) => a + b, 0) : null, counted: values.length };
}
