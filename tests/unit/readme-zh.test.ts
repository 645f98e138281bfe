/**
 * README.zh-CN.md, for portal staff: linked from the English README and back; names every CSV of the release, every
 * example, and the config sections the English README documents.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { CSV_TABLES } from '../../pipeline/datasets/table-schemas.ts';
import { ROOT } from '../helpers/build-samples.ts';

const zh = readFileSync(join(ROOT, 'README.zh-CN.md'), 'utf8');
const en = readFileSync(join(ROOT, 'README.md'), 'utf8');

test('the two READMEs link each other', () => {
  assert.ok(en.slice(0, 400).includes('](README.zh-CN.md)'), 'README.md links README.zh-CN.md near the top');
  assert.ok(zh.slice(0, 200).includes('](README.md)'), 'README.zh-CN.md links README.md near the top');
});

test('the Chinese README names every CSV, every example and the config sections', () => {
  for (const t of CSV_TABLES.filter((x) => !x.twinOf)) {
    const name = t.path.replace(/^data\//, '');
    assert.ok(zh.includes(t.path) || zh.includes(name), `README.zh-CN.md names ${t.path}`);
  }
  for (const file of readdirSync(join(ROOT, 'examples'))) assert.ok(zh.includes(file), `README.zh-CN.md names examples/${file}`);
  for (const key of ['sources', 'publish', 'dataset', 'schedule', 'limits', 'harvest', 'coverage']) assert.ok(zh.includes(`- \`${key}\``), `config section ${key}`);
  for (const phrase of ['LibreOffice', 'WPS', 'Excel', 'docs/data-dictionary.md', '$schema']) assert.ok(zh.includes(phrase), phrase);
});
