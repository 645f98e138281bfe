/**
 * Units of amounts as real reports state them (issue 11 §1, "Units in headers"): in the column header
 * ("采购总金额（元）"), in a note above or below table 二 ("单位：元"), in the cell ("8810055元"); converted exactly to
 * 万元, raw and unit kept. An amount with no unit stated that is implausible in 万元 is flagged value.unit_doubtful.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InputError } from '../../pipeline/errors.ts';
import type { AnnualReport, Cell } from '../../pipeline/model/report.ts';
import { readValue } from '../../pipeline/ingest/read-value.ts';
import { readReport } from '../../pipeline/read.ts';
import { validate } from '../../pipeline/validate/index.ts';
import { asYuan } from '../../pipeline/validate/rules-units.ts';
import { type TabReportOptions, tabReport, tabReportHtml } from '../helpers/tab-report.ts';

const PROCUREMENT = 'proactive.centralized_procurement.procurement_amount_10k_yuan';
const FEES = 'proactive.administrative_fees.fee_amount_10k_yuan';

/** A 2019 report (采购总金额) or 2021 report (本年收费金额), its header and lines edited as given, as text and as HTML. */
function sources(options: TabReportOptions, edit: (text: string) => string = (t) => t): Array<[string, Uint8Array]> {
  const text = edit(tabReport(options));
  return [['report.txt', new TextEncoder().encode(text)], ['report.html', new TextEncoder().encode(tabReportHtml(text))]];
}

async function amounts(options: TabReportOptions, edit?: (text: string) => string): Promise<Array<{ name: string; cell: Cell; report: AnnualReport }>> {
  const column = options.edition === '2021' ? FEES : PROCUREMENT;
  const [, row, code] = column.split('.') as [string, string, string];
  const out = [];
  for (const [name, bytes] of sources(options, edit)) {
    const report = await readReport(bytes, name);
    out.push({ name, cell: report.tables.proactive[row]![code]!, report });
  }
  return out;
}

function doubtful(report: AnnualReport, previous?: AnnualReport) {
  return validate(report, previous ? { previous } : {}).issues.filter((i) => i.rule === 'value.unit_doubtful');
}

test('header "采购总金额（元）": 8810055 reads as 881.0055 万元, raw and unit kept, no flag', async () => {
  for (const header of ['采购总金额（元）', '采购总金额(元)', '采购总金额（单位：元）', '采购总金额/元']) {
    const read = await amounts({ edition: '2019', cells: { [PROCUREMENT]: '8810055' } }, (t) => t.replace('\t采购总金额', `\t${header}`));
    for (const { name, cell, report } of read) {
      assert.equal(cell.value, 881.0055, `${header} (${name})`);
      assert.equal(cell.raw, '8810055');
      assert.equal(cell.unit, '元');
      assert.equal(cell.kind, 'number');
      assert.deepEqual(doubtful(report), []);
      assert.equal(validate(report).valid, true);
    }
  }
});

test('a header wrapped over two lines ("采购总金额" / "（元）") still states its unit', async () => {
  const read = await amounts({ edition: '2019', cells: { [PROCUREMENT]: '251000' } }, (t) => t.replace('\t采购总金额\n', '\t采购总金额\n（元）\n'));
  assert.equal(read[0]!.cell.value, 25.1);
  assert.equal(read[0]!.cell.unit, '元');
});

test('2021 header "本年收费金额（单位：元）": 125000 reads as 12.5 万元', async () => {
  const read = await amounts({ edition: '2021', cells: { [FEES]: '125000' } }, (t) => t.replace('本年收费金额（单位：万元）', '本年收费金额（单位：元）'));
  for (const { cell } of read) assert.deepEqual([cell.value, cell.raw, cell.unit], [12.5, '125000', '元']);
});

test('a note "单位：元" above or below table 二, or in its heading, converts the bare amounts', async () => {
  const places: Array<[string, TabReportOptions['insertBefore'] | undefined, TabReportOptions['headings'] | undefined]> = [
    ['above', { '第二十条第（一）项': ['单位：元'] }, undefined],
    ['below', { '三、收到和处理': ['（金额单位：元）'] }, undefined],
    ['heading', undefined, { proactive: '二、主动公开政府信息情况（单位：元）' }],
  ];
  for (const [where, insertBefore, headings] of places) {
    const read = await amounts({ edition: '2019', cells: { [PROCUREMENT]: '1234567.89' }, ...(insertBefore ? { insertBefore } : {}), ...(headings ? { headings } : {}) });
    for (const { name, cell, report } of read) {
      // Exactly 123.456789, not 1234567.89 / 10000 in floating point (123.45678899999999).
      assert.equal(cell.value, 123.456789, `${where} (${name})`);
      assert.equal(cell.unit, '元');
      assert.equal(report.tables.proactive.centralized_procurement!.procurement_items!.unit, undefined, 'counts are not amounts');
    }
  }
});

test('a note "单位：万元" or the template\'s own 万元 header changes nothing', async () => {
  const read = await amounts({ edition: '2019', cells: { [PROCUREMENT]: '4156.93' }, insertBefore: { '第二十条第（一）项': ['单位：万元'] } });
  for (const { cell } of read) assert.deepEqual([cell.value, cell.unit], [4156.93, undefined]);
  const fees = await amounts({ edition: '2021', cells: { [FEES]: '0.85' } });
  for (const { cell } of fees) assert.deepEqual([cell.value, cell.unit], [0.85, undefined]);
});

test('the unit printed in the cell goes first: "8810055元" under no header unit, "12.5万元" under a 元 header', async () => {
  const bare = await amounts({ edition: '2019', cells: { [PROCUREMENT]: '8810055元' } });
  for (const { cell, report } of bare) {
    assert.deepEqual([cell.value, cell.raw, cell.unit], [881.0055, '8810055元', '元']);
    assert.deepEqual(doubtful(report), []);
  }
  const mixed = await amounts({ edition: '2019', cells: { [PROCUREMENT]: '12.5万元' } }, (t) => t.replace('\t采购总金额', '\t采购总金额（元）'));
  for (const { cell } of mixed) assert.deepEqual([cell.value, cell.unit], [12.5, '万元']);
});

test('a table that states 元 and 万元 for the same amounts is refused, naming both', async () => {
  const [name, bytes] = sources({ edition: '2021', cells: { [FEES]: '125000' }, insertBefore: { '第二十条第（一）项': ['单位：元'] } })[0]!;
  await assert.rejects(readReport(bytes, name), (err: unknown) => err instanceof InputError && /本年收费金额.*元 and 万元|万元 and 元/.test(err.message));
});

test('value.unit_doubtful: 8810055 with no unit stated is read as printed (万元) and flagged, not guessed', async () => {
  for (const { cell, report } of await amounts({ edition: '2019', cells: { [PROCUREMENT]: '8810055' } })) {
    assert.deepEqual([cell.value, cell.unit], [8810055, undefined]);
    const issues = doubtful(report);
    assert.deepEqual(issues.map((i) => [i.severity, i.table, i.row, i.column, i.found, i.cells]), [
      ['warning', 'proactive', 'centralized_procurement', 'procurement_amount_10k_yuan', 8810055, ['centralized_procurement.procurement_amount_10k_yuan']],
    ]);
    assert.equal(issues[0]!.expected, '881.0055 (if printed in 元)');
    assert.match(issues[0]!.message.en, /"8810055" reads as 8810055 万元.*1,000,000 万元.*881\.0055 万元/);
    assert.ok(issues[0]!.source, 'the issue says where the cell was read');
    assert.equal(validate(report).valid, true, 'a warning: the report is published, flagged');
  }
});

test('value.unit_doubtful: a whole 元-like amount where last year printed 万元 decimals 1,000 times smaller', async () => {
  const [before] = await amounts({ edition: '2021', year: 2022, cells: { [FEES]: '1.25' } });
  const [now] = await amounts({ edition: '2021', year: 2023, cells: { [FEES]: '13000' } });
  const issues = doubtful(now!.report, before!.report);
  assert.equal(issues.length, 1);
  assert.match(issues[0]!.message.en, /whole number, where the report of the year before .* prints "1\.25" in the same cell/);
  assert.equal(issues[0]!.expected, '1.3 (if printed in 元)');
  // Not flagged: a comparable amount last year, decimals this year, or a small amount.
  const [similar] = await amounts({ edition: '2021', year: 2022, cells: { [FEES]: '9000.5' } });
  assert.deepEqual(doubtful(now!.report, similar!.report), []);
  const [decimals] = await amounts({ edition: '2021', year: 2023, cells: { [FEES]: '13000.5' } });
  assert.deepEqual(doubtful(decimals!.report, before!.report), []);
  assert.deepEqual(doubtful(now!.report), [], 'nothing to compare with, and below 1,000,000 万元');
});

test('readValue: a stated unit converts only money columns, exactly', () => {
  assert.deepEqual(readValue('8810055', { money: true, statedUnit: '元' }), { kind: 'number', value: 881.0055, raw: '8810055', unit: '元' });
  assert.deepEqual(readValue('8,810,055', { money: true, statedUnit: '元' }).value, 881.0055);
  assert.deepEqual(readValue('12', { statedUnit: '元' }), { kind: 'number', value: 12, raw: '12' });
  assert.deepEqual(readValue('0', { money: true, statedUnit: '元' }).value, 0);
  assert.deepEqual(readValue('5', { money: true, statedUnit: '万元' }), { kind: 'number', value: 5, raw: '5' });
  assert.equal(readValue('0.01', { money: true, statedUnit: '元' }).value, 0.000001);
});

test('asYuan divides by 10,000 on the decimal digits', () => {
  assert.deepEqual([8810055, 1.5, 13000, 0, 123456789.12].map(asYuan), ['881.0055', '0.00015', '1.3', '0', '12345.678912']);
});
