import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { InputError } from '../../pipeline/errors.ts';
import { readDocx } from '../../pipeline/ingest/docx.ts';
import type { TextCell } from '../../pipeline/ingest/types.ts';
import { SHARED } from '../helpers/shared.ts';

const TEMPLATE = `${SHARED}/corpus/templates/2021_format_tables_third-party-reproduction.docx`;
const MINIMAL = new URL('../fixtures/ingest/minimal.docx', import.meta.url);

const row = (cells: TextCell[], table: number, r: number): string[] =>
  cells.filter((c) => c.at.table === table && c.at.row === r).map((c) => c.text);

test('docx: paragraphs, a merged cell as one cell, runs joined, an empty cell kept blank', async () => {
  const cells = await readDocx(readFileSync(MINIMAL), 'minimal.docx');
  assert.deepEqual(cells, [
    { text: '二、主动公开政府信息情况', at: {}, rowEnd: true },
    { text: '第二十条第（一）项', at: { table: 1, row: 1, cell: 1 }, rowEnd: true },
    { text: '信息内容', at: { table: 1, row: 2, cell: 1 } },
    { text: '本年制发件数', at: { table: 1, row: 2, cell: 2 } },
    { text: '本年废止件数', at: { table: 1, row: 2, cell: 3 }, rowEnd: true },
    { text: '规章', at: { table: 1, row: 3, cell: 1 } },
    { text: '105', at: { table: 1, row: 3, cell: 2 } },
    { text: '', at: { table: 1, row: 3, cell: 3 }, rowEnd: true },
    { text: '三、收到和处理政府信息公开申请情况', at: {}, rowEnd: true },
  ]);
});

test('docx: a broken .docx is an InputError', async () => {
  const broken = new TextEncoder().encode('PK\u0003\u0004 word/document.xml but nothing else');
  await assert.rejects(readDocx(broken, 'broken.docx'), (err: unknown) => {
    assert.ok(err instanceof InputError);
    assert.equal(err.file, 'broken.docx');
    assert.match(err.message, /unreadable Word \.docx/);
    return true;
  });
});

test('the real 2021 template .docx keeps its empty value cells', async () => {
  if (!existsSync(TEMPLATE)) {
    console.log(`notice: ${TEMPLATE} is absent; the real-file check did not run`);
    return;
  }
  const cells = await readDocx(readFileSync(TEMPLATE), 'template.docx');
  assert.equal(new Set(cells.map((c) => c.at.table).filter((t) => t !== undefined)).size, 3);
  assert.deepEqual(row(cells, 1, 3), ['规章', '', '', ''], 'full-width spaces in value cells read as blank');
  assert.deepEqual(row(cells, 2, 3), ['商业\n企业', '科研\n机构', '社会公益组织', '法律服务机构', '其他']);
  assert.deepEqual(row(cells, 2, 4), ['一、本年新收政府信息公开申请数量', '', '', '', '', '', '', '']);
  assert.deepEqual(row(cells, 2, 8), ['（三）不予公开', '1.属于国家秘密', '', '', '', '', '', '', '']);
  assert.equal(row(cells, 2, 28)[0], '四、结转下年度继续办理');
  assert.deepEqual(row(cells, 3, 4), Array(15).fill(''));
  assert.equal(cells[0]?.text, '政府信息公开工作年度报告格式模板');
});
