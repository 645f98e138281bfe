/**
 * catalog-gbt21063.json: valid against its JSON Schema, one entry per dataset of the DCAT catalog (same identifiers
 * and titles), the columns of each dataset's CSV as its 信息项; what the release cannot know is null, not invented.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { csvHeader } from '../../pipeline/datasets/table-schemas.ts';
import { catalogDocument } from '../../pipeline/datasets/to-dcat.ts';
import { gbt21063Catalog, GBT21063_SCHEMA } from '../../pipeline/datasets/to-gbt21063.ts';
import { ROOT } from '../helpers/build-samples.ts';
import { releaseFiles, sampleContext, sampleReports } from '../helpers/release.ts';

interface Resource { 信息资源名称: string; 信息资源代码: null; 信息资源标识符: string; 信息项信息: Array<{ 字段名: string }>; 在线资源链接地址: string[]; 更新周期: string }
const ctx = sampleContext(sampleReports(), releaseFiles());
const dcat = catalogDocument(ctx);
const doc = gbt21063Catalog(ctx, dcat) as { $schema: string; 信息资源: Resource[] };

function validator() {
  const ajv = new Ajv2020.default({ allErrors: true });
  addFormats.default(ajv);
  return ajv.compile(JSON.parse(readFileSync(join(ROOT, GBT21063_SCHEMA), 'utf8')));
}

test('catalog-gbt21063.json validates against its schema; a broken one does not', () => {
  const validate = validator();
  assert.ok(validate(doc), JSON.stringify(validate.errors));
  assert.equal(doc.$schema, `${ctx.meta.baseUrl}${GBT21063_SCHEMA}`);
  const broken = structuredClone(doc) as unknown as { 信息资源: Array<Record<string, unknown>> };
  delete broken.信息资源[0]!.信息资源名称;
  broken.信息资源[1]!.共享属性 = { 共享类型: '随便共享', 共享条件: null, 共享方式: '在线下载' };
  assert.equal(validate(broken), false);
  assert.deepEqual(validate.errors!.map((e) => e.instancePath).sort(), ['/信息资源/0', '/信息资源/1/共享属性/共享类型']);
});

test('it names every dataset of the DCAT catalog, with the same identifier and title', () => {
  const datasets = dcat['@graph'].filter((n) => ([] as unknown[]).concat(n['@type']).includes('dcat:Dataset'));
  assert.equal(doc.信息资源.length, datasets.length);
  for (const d of datasets) {
    const entry = doc.信息资源.find((r) => r.信息资源标识符 === d['@id']);
    assert.ok(entry, `${String(d['@id'])} is listed`);
    const zh = ([] as Array<{ '@value': string; '@language'?: string }>).concat(d['dct:title'] as never).find((t) => t['@language'] === 'zh');
    assert.equal(entry.信息资源名称, zh?.['@value']);
    assert.equal(entry.信息资源代码, null, 'the catalogue code is assigned by the cataloguing body, not invented');
    assert.equal(entry.更新周期, '每年');
  }
});

test('a dataset with a CSV lists its columns as 信息项, and its files as online links', () => {
  const appeals = doc.信息资源.find((r) => r.信息资源标识符.endsWith('#dataset-appeals'))!;
  assert.deepEqual(appeals.信息项信息.map((i) => i.字段名), csvHeader('data/appeals.csv'));
  assert.ok(appeals.在线资源链接地址.includes(`${ctx.meta.baseUrl}data/appeals-zh/2023-2.csv`));
});
