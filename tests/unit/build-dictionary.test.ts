/**
 * The data dictionary (docs/data-dictionary.md): the committed file is what `npm run dictionary` writes; it lists
 * every field of every Table Schema in datapackage.json (the Chinese twins' fields as the zh headers), each with
 * zh and en titles and definitions; every code a code column can hold has its label in the code lists.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { codeTables, dictionaryFiles } from '../../pipeline/datasets/dictionary.ts';
import { definitionZh } from '../../pipeline/datasets/dictionary-zh.ts';
import { CSV_TABLES, csvHeader, tableOf, type TableSchema } from '../../pipeline/datasets/table-schemas.ts';
import { dataPackage } from '../../pipeline/datasets/to-datapackage.ts';
import { dictionaryMarkdown } from '../../pipeline/datasets/to-dictionary-md.ts';
import { OBSERVATION_KINDS } from '../../pipeline/datasets/zh-labels.ts';
import { ROOT } from '../helpers/build-samples.ts';
import { releaseFiles, sampleContext } from '../helpers/release.ts';

const markdown = dictionaryMarkdown();

test('docs/data-dictionary.md is what `npm run dictionary` writes from the table descriptions', () => {
  const committed = readFileSync(join(ROOT, 'docs', 'data-dictionary.md'), 'utf8');
  assert.ok(committed === markdown, 'docs/data-dictionary.md is stale: run `npm run dictionary` and commit it');
});

test('every field of every Table Schema in datapackage.json is in the dictionary, with zh and en titles and definitions', () => {
  const pkg = JSON.parse(dataPackage(sampleContext([], releaseFiles()))) as { resources: Array<{ path: string | string[]; schema: TableSchema; format: string }> };
  // One resource per CSV table (a partitioned one is multipart), and the Parquet files of the observations.
  assert.equal(pkg.resources.filter((r) => r.format === 'csv').length, CSV_TABLES.length);
  assert.deepEqual(pkg.resources.filter((r) => r.format === 'parquet').flatMap((r) => r.path), [
    'data/observations/2022.parquet', 'data/observations/2023.parquet', 'data/observations/2023-2.parquet',
  ]);
  const files = dictionaryFiles();
  for (const resource of pkg.resources.filter((x) => x.format === 'csv')) {
    const r = { ...resource, path: tableOf(typeof resource.path === 'string' ? resource.path : resource.path[0]!) };
    const entry = files.find((f) => f.path === r.path || f.zhPath === r.path);
    assert.ok(entry, `${r.path} is in the dictionary`);
    const names = r.path === entry.path ? entry.columns.map((c) => c.name) : entry.columns.flatMap((c) => c.zhHeaders);
    assert.deepEqual(names, r.schema.fields.map((f) => f.name), `${r.path}: the dictionary's columns are the schema's fields, in order`);
    const section = markdown.slice(markdown.indexOf(`\n## ${entry.path}\n`), markdown.indexOf('\n## ', markdown.indexOf(`\n## ${entry.path}\n`) + 1));
    for (const c of entry.columns) {
      for (const text of [c.title.zh, c.title.en, c.definition.zh, c.definition.en]) assert.ok(text.trim(), `${entry.path} ${c.name}: a title or definition is empty`);
      assert.ok(section.includes(`| \`${c.name}\` | ${c.title.zh} | ${c.title.en} |`), `${entry.path} ${c.name} has its line in the section`);
    }
  }
});

test('a column without a Chinese definition is caught', () => {
  assert.equal(definitionZh('data/reports.csv', 'no_such_column'), undefined);
  assert.match(definitionZh('data/applications.csv', 'natural_person')!, /自然人.*件数/);
  assert.match(definitionZh('data/regions.csv', 'refused')!, /按各机关报告相加/);
});

test('the code lists label every code a code column can hold', () => {
  const lists = codeTables();
  for (const spec of CSV_TABLES.filter((t) => !t.twinOf)) {
    for (const c of spec.columns.filter((x) => x.coded && x.enum)) {
      const known = c.coded === 'table' ? lists.map((t) => t.table)
        : c.coded === 'row' ? lists.flatMap((t) => t.rows.map((r) => r.code))
        : c.coded === 'column' ? lists.flatMap((t) => t.columns.map((x) => x.code))
        : [...OBSERVATION_KINDS];
      for (const code of c.enum!) {
        assert.ok(known.includes(code), `${spec.path} ${c.name}: ${code} is in the code lists`);
        assert.ok(markdown.includes(`| \`${code}\` |`), `${code} has a line in the dictionary`);
      }
    }
  }
  const denied = lists.find((t) => t.table === 'applications')!.rows.find((r) => r.code === 'denied.state_secret')!;
  assert.equal(denied.zh, '（三）不予公开 1.属于国家秘密');
});

test('the README\'s table of CSV columns lists each CSV\'s header exactly', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const listed = [...readme.matchAll(/^\| `(data\/[a-z]+\.csv)` \| `([a-z0-9_,]+)`/gm)];
  assert.ok(listed.length >= 7, `README lists ${listed.length} CSVs`);
  for (const [, path, columns] of listed) assert.equal(columns, csvHeader(path!).join(','), `README.md: the columns of ${path}`);
});
