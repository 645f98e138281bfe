/**
 * A report's tables 二, 三 and 四 laid out like the national template, every cell as printed, with the validation
 * flags that touch it beside it. Pure.
 */
import type { Issue } from '../../model/issue.ts';
import type { AnnualReport, Cell } from '../../model/report.ts';
import {
  APPEALS, APPLICATIONS, PROACTIVE, columnsOf, rowsOf, type Edition, type RowDef, type TableDef,
} from '../../model/template.ts';
import { cellFlags, flagIndex, type FlagIndex } from '../flags.ts';
import { esc, num } from './html.ts';

/** One numbered footnote: an issue and the cells it touches. */
export interface Note {
  n: number;
  issue: Issue;
  cells: FlagIndex;
}

export interface TableContext {
  report: AnnualReport;
  /** Every warning and error of the report, by cell. */
  flags: FlagIndex;
  notes: readonly Note[];
  /** The ids of the cells a footnote links to (linkedCells): only these carry an id, the others need none. */
  linked?: ReadonlySet<string>;
}

export function notesOf(issues: readonly Issue[]): Note[] {
  return issues.map((issue, k) => ({ n: k + 1, issue, cells: flagIndex([issue]) }));
}

export function cellId(table: string, row: string, column: string): string {
  return `cell-${table}-${row}-${column}`.replace(/\./g, '_');
}

/** The ids of every cell an issue names (cells, blanksAsZero): the footnotes' link targets. */
export function linkedCells(issues: readonly Issue[]): Set<string> {
  const out = new Set<string>();
  for (const issue of issues) {
    if (!issue.table) continue;
    for (const ref of [...(issue.cells ?? []), ...(issue.blanksAsZero ?? [])]) {
      const dot = ref.lastIndexOf('.');
      out.add(cellId(issue.table, ref.slice(0, dot), ref.slice(dot + 1)));
    }
  }
  return out;
}

function describe(cell: Cell | undefined): { kind: string; cls: string; content: string; title: string } {
  if (!cell || cell.kind === 'absent') {
    return { kind: 'absent', cls: 'absent', content: '', title: '原报告无此项 / not in the source' };
  }
  const note = cell.note ? `<span class="cnote">${esc(cell.note)}</span>` : '';
  switch (cell.kind) {
    case 'blank':
      return { kind: 'blank', cls: 'blank', content: note, title: '空白（原表未填）/ blank in the source' };
    case 'not_applicable':
      return { kind: cell.kind, cls: 'na', content: esc(cell.raw ?? '-') + note, title: `照原表印为“${cell.raw ?? '-'}” / printed as “${cell.raw ?? '-'}”, not a number` };
    case 'text':
      return {
        kind: cell.kind, cls: 'text',
        content: `<span class="txt">${esc(cell.raw ?? '')}</span><span class="mark" role="img" aria-label="文字 text">文</span>${note}`,
        title: '文字，不是数字 / text, not a number',
      };
    case 'derived':
      return {
        kind: cell.kind, cls: 'derived',
        content: `<span class="v">${cell.value === null ? '' : num(cell.value)}</span><span class="mark" role="img" aria-label="推算 derived">∑</span>${note}`,
        title: `原表未印，由 ${(cell.derivedFrom ?? []).join('、')} 推算 / not printed, derived from ${(cell.derivedFrom ?? []).join(', ')}`,
      };
    default: {
      const printed = cell.raw !== undefined && cell.raw !== String(cell.value) ? [`原表印为“${cell.raw}” / printed “${cell.raw}”`] : [];
      const unit = cell.unit ? [`单位 / unit: ${cell.unit}`] : [];
      return { kind: cell.kind, cls: 'number', content: num(cell.value) + note, title: [...printed, ...unit].join('; ') };
    }
  }
}

/** What a cell's <td> says of its place, the same in every report: its id and its data-cell attribute. */
interface CellPlace {
  id: string;
  idAttribute: string;
  dataCell: string;
}

/** The places of the template's cells by table, row and column (a few hundred), made once. */
const places = new Map<string, Map<string, Map<string, CellPlace>>>();

function placeOf(table: string, row: string, column: string): CellPlace {
  let rows = places.get(table);
  if (!rows) places.set(table, (rows = new Map()));
  let columns = rows.get(row);
  if (!columns) {
    // Codes outside the template are not kept (a report's own rows: bounded memory).
    if (rows.size >= 1024) return makePlace(table, row, column);
    rows.set(row, (columns = new Map()));
  }
  let place = columns.get(column);
  if (!place) {
    place = makePlace(table, row, column);
    if (columns.size < 1024) columns.set(column, place);
  }
  return place;
}

function makePlace(table: string, row: string, column: string): CellPlace {
  const id = cellId(table, row, column);
  return { id, idAttribute: ` id="${esc(id)}"`, dataCell: esc(`${table}/${row}/${column}`) };
}

/** One <td>: the value as printed, and beside it ⚠ with the rule ids and links to the footnotes of its issues. */
export function cellHtml(ctx: TableContext, table: TableDef, row: string, column: string, colspan = 1): string {
  const cell = ctx.report.tables[table.id][row]?.[column];
  const d = describe(cell);
  const rules = cellFlags(ctx.flags, table.id, row, column);
  const notes = ctx.notes.length ? ctx.notes.filter((n) => cellFlags(n.cells, table.id, row, column) !== '') : ctx.notes;
  const error = notes.some((n) => n.issue.severity === 'error');
  const classes = `cell num ${d.cls}${rules ? ' flagged' : ''}${error ? ' error' : ''}`;
  const marker = rules
    ? `<span class="flag" role="img" title="${esc(rules.replace(/;/g, '; '))}" aria-label="${error ? '校验错误 validation error' : '校验警告 validation warning'}: ${esc(rules.replace(/;/g, ', '))}">${error ? '✖' : '⚠'}</span>`
      + `<sup>${notes.map((n) => `<a href="#issue-${n.n}">${n.n}</a>`).join(',')}</sup>`
    : '';
  const place = placeOf(table.id, row, column);
  return `<td${!ctx.linked || ctx.linked.has(place.id) ? place.idAttribute : ''} class="${classes}" data-cell="${place.dataCell}" data-kind="${d.kind}"`
    + `${rules ? ` data-flags="${esc(rules)}"` : ''}${d.title ? ` title="${esc(d.title)}"` : ''}${colspan > 1 ? ` colspan="${colspan}"` : ''}>`
    + `${d.content}${marker}</td>`;
}

const code = (c: string) => `<span class="code">${esc(c)}</span>`;
const rowLabel = (row: RowDef) => `<span title="${esc(row.en)}">${esc(row.zh)}</span>${code(row.code)}`;
function columnLabel(table: TableDef, c: string): string {
  const def = table.columns.find((x) => x.code === c);
  return `<span title="${esc(def?.en ?? c)}">${esc(def?.zh ?? c)}</span>${code(c)}`;
}

/** Consecutive runs of items sharing a key. */
function runs<T>(items: readonly T[], key: (item: T) => string): T[][] {
  const out: T[][] = [];
  for (const item of items) {
    const last = out.at(-1);
    if (last && key(last[0]!) === key(item)) last.push(item);
    else out.push([item]);
  }
  return out;
}

/** 二: one block per article of the regulations (第二十条第（…）项), each with its own column headings. */
export function proactiveTable(ctx: TableContext, edition: Edition): string {
  const rows = rowsOf(PROACTIVE, edition);
  const cols = (row: RowDef) => columnsOf(PROACTIVE, row, edition);
  const width = Math.max(1, ...rows.map((r) => cols(r).length));
  const span = (k: number, n: number) => (k === n - 1 ? width - n + 1 : 1);
  const body = runs(rows, (r) => `${r.group ?? ''}|${cols(r).join(',')}`).map((run) => {
    const first = run[0]!;
    const cs = cols(first);
    const group = first.group ? `<tr><th class="h" scope="colgroup" colspan="${width + 1}">${esc(first.group)}</th></tr>\n` : '';
    const head = `<tr><th class="h" scope="col">信息内容</th>${cs.map((c, k) => `<th class="h" scope="col"${span(k, cs.length) > 1 ? ` colspan="${span(k, cs.length)}"` : ''}>${columnLabel(PROACTIVE, c)}</th>`).join('')}</tr>\n`;
    const lines = run.map((row) => `<tr><th scope="row">${rowLabel(row)}</th>${
      cols(row).map((c, k, all) => cellHtml(ctx, PROACTIVE, row.code, c, span(k, all.length))).join('')}</tr>`);
    return group + head + lines.join('\n');
  });
  return `<div class="wrap"><table class="template" data-table="proactive"><tbody>\n${body.join('\n')}\n</tbody></table></div>`;
}

const OUTSIDE_RESULTS = new Set(['received', 'carried_over', 'carried_forward']);

/** 三: applicant categories across, 一 to 四 down, with 三、本年度办理结果 and its groups spanning their rows. */
export function applicationsTable(ctx: TableContext, edition: Edition): string {
  const columns = APPLICATIONS.columns.filter((c) => c.editions.includes(edition)).map((c) => c.code);
  const person = columns[0]!;
  const total = columns.at(-1)!;
  const orgs = columns.slice(1, -1);
  const head = `<thead>
<tr><td class="h" rowspan="3" colspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><th class="h" scope="colgroup" colspan="${columns.length}">申请人情况</th></tr>
<tr><th class="h" scope="col" rowspan="2">${columnLabel(APPLICATIONS, person)}</th><th class="h" scope="colgroup" colspan="${orgs.length}">法人或其他组织</th><th class="h" scope="col" rowspan="2">${columnLabel(APPLICATIONS, total)}</th></tr>
<tr>${orgs.map((c) => `<th class="h" scope="col">${columnLabel(APPLICATIONS, c)}</th>`).join('')}</tr>
</thead>`;
  const rows = rowsOf(APPLICATIONS, edition);
  const results = rows.filter((r) => !OUTSIDE_RESULTS.has(r.code));
  const groupRuns = runs(results, (r) => r.group ?? `#${r.code}`);
  const lines = rows.map((row) => {
    const cells = columns.map((c) => cellHtml(ctx, APPLICATIONS, row.code, c)).join('');
    // A row the report does not print but the data derives (2021: （六） from its sub-rows) says so under its label.
    const derived = columns.every((c) => ctx.report.tables.applications[row.code]?.[c]?.kind === 'derived');
    const label = rowLabel(row) + (derived ? '<span class="code">∑ 由子项推算 derived from sub-rows</span>' : '');
    if (OUTSIDE_RESULTS.has(row.code)) return `<tr><th scope="row" colspan="3">${label}</th>${cells}</tr>`;
    const block = row === results[0] ? `<th class="h" scope="rowgroup" rowspan="${results.length}">三、本年度办理结果</th>` : '';
    const run = groupRuns.find((g) => g.includes(row))!;
    if (!row.group) return `<tr>${block}<th scope="row" colspan="2">${label}</th>${cells}</tr>`;
    const group = run[0] === row ? `<th class="h" scope="rowgroup" rowspan="${run.length}">${esc(row.group)}</th>` : '';
    return `<tr>${block}${group}<th scope="row">${label}</th>${cells}</tr>`;
  });
  return `<div class="wrap"><table class="template" data-table="applications">${head}<tbody>\n${lines.join('\n')}\n</tbody></table></div>`;
}

/** 四: one line of figures: 行政复议, then 行政诉讼 split into 未经复议直接起诉 and 复议后起诉, five columns each. */
export function appealsTable(ctx: TableContext, edition: Edition): string {
  const rows = rowsOf(APPEALS, edition);
  const cols = (row: RowDef) => columnsOf(APPEALS, row, edition);
  const parts = (row: RowDef) => row.zh.split('·');
  const top = runs(rows, (r) => parts(r)[0]!).map((run) => {
    const width = run.reduce((n, r) => n + cols(r).length, 0);
    const first = run[0]!;
    return parts(first).length === 1 && run.length === 1
      ? `<th class="h" scope="colgroup" colspan="${width}" rowspan="2"><span title="${esc(first.en)}">${esc(first.zh)}</span>${code(first.code)}</th>`
      : `<th class="h" scope="colgroup" colspan="${width}">${esc(parts(first)[0]!)}</th>`;
  });
  const second = rows.filter((r) => parts(r).length > 1)
    .map((r) => `<th class="h" scope="colgroup" colspan="${cols(r).length}"><span title="${esc(r.en)}">${esc(parts(r).slice(1).join('·'))}</span>${code(r.code)}</th>`);
  const third = rows.flatMap((r) => cols(r).map((c) => `<th class="h" scope="col">${columnLabel(APPEALS, c)}</th>`));
  const values = rows.flatMap((r) => cols(r).map((c) => cellHtml(ctx, APPEALS, r.code, c)));
  return `<div class="wrap"><table class="template" data-table="appeals"><thead>
<tr>${top.join('')}</tr>
<tr>${second.join('')}</tr>
<tr>${third.join('')}</tr>
</thead><tbody>
<tr>${values.join('')}</tr>
</tbody></table></div>`;
}
