/**
 * Flattened page text whose crawler joined the page's text nodes with nothing between them: the whole page — title,
 * narrative, tables 二 三 四 and what follows — on one line (issue 11, real crawls: 平潭综合实验区's reports 2019–2025
 * as a public archive stores them). Such a line is cut into rows before reading (pipeline/ingest/flat-text.ts). The
 * rendering here is written for this test and restates the figures of a real 2024 report (2021 edition); its table
 * 二 glues 行政规范性文件's three figures ("6233440"), which no arithmetic splits: flagged, never guessed.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readFlatText } from '../../pipeline/ingest/flat-text.ts';
import { applicationRowStarts, proactiveRowStarts } from '../../pipeline/ingest/glued-labels.ts';
import { sniffText } from '../../pipeline/ingest/sniff.ts';
import { TABLES, rowsOf } from '../../pipeline/model/template.ts';
import { readReport } from '../../pipeline/read.ts';
import { formatScore, renderLossy, scoreRoundTrips } from '../../pipeline/synth/lossy-score.ts';

const S = (n: number): number[] => [n, 0, 0, 0, 0, 0, n];
const Z = S(0);
/** Table 三's rows in template order (the derived （六）其他处理 row left out), as the page prints them. */
const APPLICATIONS: Array<[string, number[]]> = [
  ['一、本年新收政府信息公开申请数量', [217, 1, 0, 0, 0, 0, 218]], ['二、上年结转政府信息公开申请数量', Z],
  ['三、本年度办理结果（一）予以公开', S(71)], ['（二）部分公开（区分处理的，只计这一情形，不计其他情形）', S(29)],
  ['（三）不予公开1.属于国家秘密', S(4)], ['2.其他法律行政法规禁止公开', Z], ['3.危及“三安全一稳定”', Z], ['4.保护第三方合法权益', S(3)],
  ['5.属于三类内部事务信息', S(32)], ['6.属于四类过程性信息', Z], ['7.属于行政执法案卷', Z], ['8.属于行政查询事项', Z],
  ['（四）无法提供1.本机关不掌握相关政府信息', S(75)], ['2.没有现成信息需要另行制作', Z], ['3.补正后申请内容仍不明确', Z],
  ['（五）不予处理1.信访举报投诉类申请', Z], ['2.重复申请', S(1)], ['3.要求提供公开出版物', Z], ['4.无正当理由大量反复申请', Z],
  ['5.要求行政机关确认或重新出具已获取信息', Z],
  ['（六）其他处理1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 ', S(1)],
  ['2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 ', Z], ['3.其他', [1, 1, 0, 0, 0, 0, 2]],
  ['（七）总计', [217, 1, 0, 0, 0, 0, 218]], ['四、结转下年度继续办理', Z],
];
const APPEALS = [2, 1, 3, 1, 7, 0, 0, 0, 0, 0, 13, 2, 4, 0, 19];

const PAGE = [
  '测试区2024年度政府信息公开工作年度报告 本报告依据《条例》编写，统计期为2024年1月1日至12月31日。',
  '一、总体情况 全年共办理申请218件，公开信息10407条。',
  '二、主动公开政府信息情况第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章000行政规范性文件6233440',
  '第二十条第（五）项信息内容本年处理决定数量行政许可4529第二十条第（六）项信息内容本年处理决定数量行政处罚1100行政强制65',
  '第二十条第（八）项信息内容本年收费金额（单位：万元）行政事业性收费18651.06',
  '三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）申请人情况自然人法人或其他组织总计商业企业科研机构社会公益 组织 法律服务 机构 其他',
  ...APPLICATIONS.map(([label, figures]) => label + figures.join('')),
  '四、政府信息公开行政复议、行政诉讼情况行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉',
  '结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计', APPEALS.join(''),
  '五、存在的主要问题及改进情况2024年，解读形式仍需丰富。六、其他需要报告的事项2024年，无收取信息处理费情况。',
].join('');

test('a page glued into one line is flattened text, cut before table 二 and after 四, never in the narrative', () => {
  const text = `标题: 测试区2024年度政府信息公开工作年度报告\n==== 正文 ====\n${PAGE}\n`;
  assert.equal(sniffText(text), 'flat-text');
  const cells = readFlatText(text).map((c) => c.text);
  assert.ok(cells[2]!.endsWith('公开信息10407条。'), cells[2]);
  assert.equal(cells[3], '二、主动公开政府信息情况');
  assert.ok(cells.includes('2.其他法律行政法规禁止公开0000000'));
  // Table 二's block headings start rows of their own, as the header rows of flattened text stand on lines of their own.
  assert.ok(cells.includes('第二十条第（八）项信息内容本年收费金额（单位：万元）'));
  assert.ok(cells.includes('行政事业性收费18651.06'));
  assert.ok(cells.at(-1)!.startsWith('五、存在的主要问题及改进情况2024年'));
  // A narrative that lists the sections names them without their numbers: not a glued page, left whole.
  const listing = '本报告包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况等6个部分，共收到申请21件。';
  assert.deepEqual(readFlatText(`${listing}\n`).map((c) => c.text), [listing]);
  // A line that does not hold both tables' headings is left whole (each row its own line, as before).
  assert.deepEqual(readFlatText('二、主动公开政府信息情况 规章000行政规范性文件6233440\n').map((c) => c.text), ['二、主动公开政府信息情况 规章000行政规范性文件6233440']);
});

test('the glued page reads exactly: tables 三 and 四 by the arithmetic, table 二 where its rows have one cell, the glued triple flagged', async () => {
  const report = await readReport(new TextEncoder().encode(`标题: 测试区2024年度政府信息公开工作年度报告\n${PAGE}\n`), 'glued.txt');
  assert.equal(report.sources[0]!.rendering, 'flat-text');
  const rows = rowsOf(TABLES.applications, '2021').filter((r) => report.tables.applications[r.code]?.natural_person?.kind !== 'derived');
  assert.equal(rows.length, APPLICATIONS.length);
  rows.forEach((row, r) => {
    Object.values(report.tables.applications[row.code]!).forEach((cell, c) => {
      assert.equal(cell.value, APPLICATIONS[r]![1][c], `${row.code} column ${c}: ${cell.kind} ${cell.raw}`);
    });
  });
  const appeals = Object.values(report.tables.appeals).flatMap((group) => Object.values(group!).map((cell) => cell.value));
  assert.deepEqual(appeals, APPEALS);
  const p = report.tables.proactive;
  // Each cell's source is where its row's figures stand on the page's line.
  const line = PAGE;
  assert.deepEqual(p.administrative_licensing!.decisions!.source, { line: 2, column: line.indexOf('行政许可4529') + '行政许可'.length + 1 });
  assert.deepEqual(p.normative_documents!.issued!.source, { line: 2, column: line.indexOf('6233440') + 1 });
  assert.deepEqual([p.regulations!.issued!.value, p.administrative_licensing!.decisions!.value, p.administrative_penalty!.decisions!.value,
    p.administrative_coercion!.decisions!.value, p.administrative_fees!.fee_amount_10k_yuan!.value], [0, 4529, 1100, 65, 18651.06]);
  for (const cell of Object.values(p.normative_documents!)) assert.deepEqual([cell.kind, cell.value, cell.raw], ['text', null, '6233440']);
});

test('a glued page signed at its end: the signature and the date are pieces of their own, read as flattened text reads them', async () => {
  const page = `${PAGE}测试区管理委员会2025年1月20日`;
  const cells = readFlatText(`2024年政府信息公开工作年度报告\n${page}\n`).map((c) => c.text);
  assert.deepEqual(cells.slice(-3), ['五、存在的主要问题及改进情况2024年，解读形式仍需丰富。六、其他需要报告的事项2024年，无收取信息处理费情况。', '测试区管理委员会', '2025年1月20日']);
  // The title names no agency: the signature does.
  const report = await readReport(new TextEncoder().encode(`2024年政府信息公开工作年度报告\n${page}\n`), 'signed.txt');
  assert.deepEqual([report.agency, report.year, report.published], ['测试区管理委员会', 2024, '2025-01-20']);
});

/**
 * Rows that print no figure, glued to the next row's label (the shape of the generator's seed 4: "规章" then
 * "行政规范性文件10 0 95"): the rows start where the template's labels stand, so the blank row is a label alone — read
 * blank, as flattened text reads a row's label printed alone — and never takes the next row's figures. Table 三: a
 * blank sub-row glued to the next sub-row, and one glued to the next group's heading ("8.属于行政查询事项（四）无法提供1.…").
 */
test('a row that prints no figure, its label glued to the next label, is read blank, the next row its own figures', async () => {
  const blank = new Set(['2.其他法律行政法规禁止公开', '8.属于行政查询事项']);
  const page = PAGE.replace('规章000行政规范性文件6233440', '规章行政规范性文件10 0 95')
    .replace(APPLICATIONS.map(([label, figures]) => label + figures.join('')).join(''),
      APPLICATIONS.map(([label, figures]) => label + (blank.has(label) ? '' : figures.join(''))).join(''));
  assert.ok(page.includes('规章行政规范性文件10 0 95') && page.includes('40000042.其他法律行政法规禁止公开3.危及') && page.includes('8.属于行政查询事项（四）无法提供'));
  const cells = readFlatText(`标题: 测试区2024年度政府信息公开工作年度报告\n${page}\n`).map((c) => c.text);
  for (const piece of ['规章', '行政规范性文件10 0 95', '2.其他法律行政法规禁止公开', '3.危及“三安全一稳定”0000000', '8.属于行政查询事项', '（四）无法提供1.本机关不掌握相关政府信息750000075']) {
    assert.ok(cells.includes(piece), piece);
  }
  const report = await readReport(new TextEncoder().encode(`标题: 测试区2024年度政府信息公开工作年度报告\n${page}\n`), 'glued-blank.txt');
  const p = report.tables.proactive;
  assert.deepEqual(Object.values(p.regulations!).map((c) => c.kind), ['blank', 'blank', 'blank']);
  assert.deepEqual(Object.values(p.normative_documents!).map((c) => c.value), [10, 0, 95]);
  const rows = rowsOf(TABLES.applications, '2021').filter((r) => report.tables.applications[r.code]?.natural_person?.kind !== 'derived');
  rows.forEach((row, r) => {
    const [label, figures] = APPLICATIONS[r]!;
    Object.values(report.tables.applications[row.code]!).forEach((cell, c) => {
      if (blank.has(label)) assert.equal(cell.kind, 'blank', `${row.code} column ${c}: ${cell.kind} ${cell.raw}`);
      else assert.equal(cell.value, figures[c], `${row.code} column ${c}: ${cell.kind} ${cell.raw}`);
    });
  });
});

test('a label that stands twice in its table is no row start (it cannot be placed with certainty)', () => {
  assert.deepEqual(proactiveRowStarts('规章000行政规范性文件10 0 95'), [0, 5]);
  // "规章" twice: neither is taken; 行政规范性文件 still starts its row.
  assert.deepEqual(proactiveRowStarts('规章规章行政规范性文件10 0 95'), [4]);
  // Table 三: a sub-row starts at its group's heading printed before it, not at its item number.
  const text = '8.属于行政查询事项（四）无法提供1.本机关不掌握相关政府信息750000075';
  assert.deepEqual(applicationRowStarts(text), [0, text.indexOf('（四）')]);
  // 2021: "（六）其他处理" is a row and the heading of its sub-rows: the first sub-row's line starts with it, uncut.
  const other = '（六）其他处理1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请0000000';
  assert.deepEqual(applicationRowStarts(other), [0, 0]);
  // Table 二: a row of "—" marks then the note stating the unit (not the header's "（单位：万元）").
  const note = '第二十条第（八）项信息内容本年收费金额（单位：万元）行政事业性收费—单位：元';
  assert.deepEqual(proactiveRowStarts(note), [0, note.indexOf('行政事业性收费'), note.indexOf('单位：元')]);
});

// The generator's glued pages (renderFlatText `glued`: the title on its own line, the body on one line), seeds 0–99 ×
// two blank styles, scored as the other lossy renderings are (lossy-score.ts): no cell read wrong. Rows that print no
// figure glue their label to the next row's (seed 4, zeros style: 规章 before 行政规范性文件10 0 95): cut by the labels.
test('round trip: synthetic glued pages (renderFlatText glued) read no cell wrong', async () => {
  const trips = (function* () {
    for (let seed = 0; seed < 100; seed++) {
      for (const [style, options] of [['drawn', {}], ['zeros', { blankStyle: 'zeros' as const }]] as const) {
        yield { ...renderLossy('flat-glued', seed, options), name: `seed ${seed} (${style} blanks)` };
      }
    }
  })();
  const score = await scoreRoundTrips('flat-glued', trips);
  console.log(formatScore('flat-glued, seeds 0-99 x two blank styles', score));
  assert.equal(score.reports, 200);
  assert.equal(score.cellsWrong, 0, score.examples.join('\n'));
  assert.equal(score.wrong, 0, score.examples.join('\n'));
  assert.ok(score.refused <= score.reports * 0.1, score.examples.join('\n'));
});
