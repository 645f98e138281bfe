/**
 * dictionary.html: every field of every Table Schema in datapackage.json (the Chinese twins' as their headers), with
 * its zh/en title and definitions; the conventions for blanks and "-"; every code with its label; linked from the index.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { load } from 'cheerio';
import { dictionaryFiles } from '../../pipeline/datasets/dictionary.ts';
import { DICTIONARY_PAGE, dictionaryPage, siteIndex } from '../../pipeline/datasets/site/index.ts';
import { tableOf, type TableSchema } from '../../pipeline/datasets/table-schemas.ts';
import { dataPackage } from '../../pipeline/datasets/to-datapackage.ts';
import { rowLabel } from '../../pipeline/datasets/zh-labels.ts';
import { TABLES, TABLE_IDS } from '../../pipeline/model/template.ts';
import { releaseFiles, sampleContext } from '../helpers/release.ts';

const ctx = sampleContext([], releaseFiles());
const $ = load(dictionaryPage(ctx));

test('the dictionary page lists every column of every Table Schema, with titles and definitions in both languages', () => {
  const raw = JSON.parse(dataPackage(ctx)) as { resources: Array<{ path: string | string[]; schema: TableSchema; format: string }> };
  // A partitioned table is linked file by file: its first file stands for it here.
  const pkg = { resources: raw.resources.filter((r) => r.format === 'csv').map((r) => ({ ...r, path: typeof r.path === 'string' ? r.path : r.path[0]!, table: tableOf(typeof r.path === 'string' ? r.path : r.path[0]!) })) };
  const files = dictionaryFiles();
  for (const r of pkg.resources) {
    const entry = files.find((f) => f.path === r.table || f.zhPath === r.table)!;
    const section = $(`section#file-${entry.path.replace(/[^a-z0-9]+/gi, '-')}`);
    assert.equal(section.length, 1, `${entry.path} has a section`);
    assert.ok(section.find(`a[href="${r.path}"]`).length, `${r.path} is linked from its section`);
    const rows = section.find('table.dictionary tbody tr').toArray().map((tr) => $(tr));
    const names = rows.map((tr) => tr.find('th').text());
    const zhHeaders = rows.flatMap((tr) => ($(tr.find('td').get(1)).html() ?? '').split('<br>').filter(Boolean));
    const fields = r.schema.fields.map((f) => f.name);
    assert.deepEqual(r.table === entry.path ? names : zhHeaders, fields, `${r.path}: every field, in order`);
    for (const tr of rows) {
      const definition = tr.find('td').last();
      assert.ok(definition.text().trim().length > 4 && definition.find('span.en').text().trim(), `${entry.path} ${tr.find('th').text()}: definitions`);
    }
  }
});

test('the conventions say how blanks, "-" and derived values are written; the code lists label every code', () => {
  const conventions = $('#conventions').text();
  for (const phrase of ['空单元格', '“-”', 'derived', 'LibreOffice', 'UTF-8']) assert.ok(conventions.includes(phrase), phrase);
  const codes = $('#codes-template tbody tr').toArray().map((tr) => [$(tr).find('th').text(), $(tr).find('td').first().text()]);
  for (const id of TABLE_IDS) {
    for (const r of TABLES[id].rows) assert.ok(codes.some(([c, zh]) => c === r.code && zh === rowLabel(id, r.code)), `${id} ${r.code}`);
    for (const c of TABLES[id].columns) assert.ok(codes.some(([k]) => k === c.code), `${id} column ${c.code}`);
  }
  assert.equal($('#codes-kind tbody tr').length, 6);
});

test('the index links the dictionary from its downloads', () => {
  const index = load(siteIndex(ctx));
  assert.equal(index(`#downloads a[href="${DICTIONARY_PAGE}"]`).length, 1);
});
