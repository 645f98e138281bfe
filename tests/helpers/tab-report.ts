/**
 * A small report in the other Word-text form: one table row per line, cells separated by tabs. Tests edit its
 * lines to imitate what real reports print (label variants, page numbers, notes in cells, renumbered sections).
 */
import { type Edition, APPLICATIONS, APPEALS, PROACTIVE, columnsOf, rowsOf } from '../../pipeline/model/template.ts';

export interface TabReportOptions {
  edition?: Edition;
  year?: number;
  agency?: string;
  /** Replace a printed label: template zh → printed text. */
  labels?: Record<string, string>;
  /** Override printed cells: "table.row.column" → text. */
  cells?: Record<string, string>;
  /** Lines to insert before the line that starts with the given text. */
  insertBefore?: Record<string, string[]>;
  /** Section headings (without the table), e.g. to renumber them. */
  headings?: Partial<Record<'proactive' | 'applications' | 'appeals', string>>;
}

/** Consistent figures: 10 received by natural persons, 2 by enterprises; all granted. */
function defaultValue(table: string, row: string, column: string, edition: Edition): string {
  if (table === 'applications') {
    const byColumn: Record<string, number> = { natural_person: 10, commercial_enterprise: 2, total: 12 };
    if (row === 'received' || row === 'granted' || row === 'total') return String(byColumn[column] ?? 0);
    if (row === 'other' && edition === '2021') return '';
    return '0';
  }
  if (table === 'appeals') return { upheld: '1', corrected: '1', other: '0', pending: '0', total: '2' }[column] ?? '0';
  if (column === 'items_change') return '+3';
  if (column === 'fee_amount_10k_yuan' || column === 'procurement_amount_10k_yuan') return '12.5';
  return '4';
}

export function tabReport(options: TabReportOptions = {}): string {
  const edition = options.edition ?? '2021';
  const year = options.year ?? (edition === '2019' ? 2020 : 2023);
  const agency = options.agency ?? '测试市档案局';
  const label = (zh: string) => options.labels?.[zh] ?? zh;
  const cell = (table: string, row: string, column: string) =>
    options.cells?.[`${table}.${row}.${column}`] ?? defaultValue(table, row, column, edition);
  const lines: string[] = [
    agency,
    `${year}年政府信息公开工作年度报告`,
    '一、总体情况',
    `${year}年，本机关共收到政府信息公开申请12件，共答复政府信息公开申请12件，其中予以公开12件。行政复议2件、行政诉讼4件。`,
    options.headings?.proactive ?? '二、主动公开政府信息情况',
  ];
  const header = edition === '2019' ? '信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量' : '信息内容\t本年制发件数\t本年废止件数\t现行有效件数';
  lines.push('第二十条第（一）项', header);
  for (const row of rowsOf(PROACTIVE, edition)) {
    if (row.code === 'administrative_licensing') lines.push('第二十条第（五）项', edition === '2019' ? '信息内容\t上一年项目数量\t本年增/减\t处理决定数量' : '信息内容\t本年处理决定数量');
    if (row.code === 'administrative_fees') lines.push('第二十条第（八）项', edition === '2019' ? '信息内容\t上一年项目数量\t本年增/减' : '信息内容\t本年收费金额（单位：万元）');
    if (row.code === 'centralized_procurement') lines.push('第二十条第（九）项', '信息内容\t采购项目数量\t采购总金额');
    const printed = row.code === 'normative_documents' && edition === '2021' ? '行政规范性文件' : row.zh;
    lines.push([label(printed), ...columnsOf(PROACTIVE, row, edition).map((c) => cell('proactive', row.code, c))].join('\t'));
  }
  lines.push(options.headings?.applications ?? '三、收到和处理政府信息公开申请情况');
  lines.push('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t申请人情况');
  lines.push('自然人\t法人或其他组织\t总计', '商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他');
  for (const row of rowsOf(APPLICATIONS, edition)) {
    if (row.code === 'granted') lines.push('三、本年度办理结果');
    if (row.code === 'denied.state_secret') lines.push('（三）不予公开');
    if (row.code === 'unavailable.not_held') lines.push('（四）无法提供');
    if (row.code === 'not_processed.petition') lines.push('（五）不予处理');
    if (row.code === 'other' && edition === '2021') {
      lines.push('（六）其他处理');
      continue;
    }
    lines.push([label(row.zh), ...columnsOf(APPLICATIONS, row, edition).map((c) => cell('applications', row.code, c))].join('\t'));
  }
  lines.push(options.headings?.appeals ?? '四、政府信息公开行政复议、行政诉讼情况');
  lines.push('行政复议\t行政诉讼', '未经复议直接起诉\t复议后起诉');
  lines.push(Array.from({ length: 3 }, () => '结果维持\t结果纠正\t其他结果\t尚未审结\t总计').join('\t'));
  lines.push(APPEALS.rows.flatMap((r) => APPEALS.columns.map((c) => cell('appeals', r.code, c.code))).join('\t'));
  lines.push('五、存在的主要问题及改进情况', '无。', '六、其他需要报告的事项', '无。', agency, `${year + 1}年1月20日`);
  const out: string[] = [];
  for (const line of lines) {
    for (const [prefix, inserted] of Object.entries(options.insertBefore ?? {})) if (line.startsWith(prefix)) out.push(...inserted);
    out.push(line);
  }
  return `${out.join('\n')}\n`;
}

/** The same report as a web page: tab-separated lines become table rows, other lines paragraphs. */
export function tabReportHtml(text: string): string {
  const escape = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const out: string[] = ['<html><head><meta charset="utf-8"><title>年度报告</title></head><body>'];
  let inTable = false;
  for (const line of text.split('\n')) {
    const isRow = line.includes('\t');
    if (isRow && !inTable) out.push('<table border="1">');
    if (!isRow && inTable) out.push('</table>');
    inTable = isRow;
    out.push(isRow ? `<tr>${line.split('\t').map((c) => `<td>${escape(c)}</td>`).join('')}</tr>` : `<p>${escape(line)}</p>`);
  }
  if (inTable) out.push('</table>');
  out.push('</body></html>');
  return out.join('\n');
}
