/**
 * Ids of printed names that resolve to no body are unique per name: names that share their pinyin (李庄镇 and 里庄镇)
 * or their first 60 letters get distinct ids, the same in every run whatever else is read beside them, and their
 * reports neither merge nor knock each other out as "renderings disagree".
 */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { agencySlug, reportId } from '../../pipeline/model/report-id.ts';
import type { AnnualReport } from '../../pipeline/model/report.ts';
import { mergeRenderings } from '../../pipeline/parse/merge.ts';
import { folderResolver, readFolder } from '../../pipeline/run.ts';
import { tabReport } from '../helpers/tab-report.ts';
import { scratchDir } from '../helpers/scratch.ts';

const LI = '李庄镇人民政府';
const LI2 = '里庄镇人民政府';

async function read(files: Record<string, string>) {
  const input = join(scratchDir('xxgk-names-'), 'in');
  mkdirSync(input);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(input, name), text);
  return readFolder(input, { resolver: await folderResolver(input) });
}

test('names with the same pinyin get distinct ids, stable and independent of the other names read', () => {
  assert.equal(agencySlug(LI), agencySlug(LI2), 'the pinyin collides');
  assert.notEqual(reportId(LI, 2024), reportId(LI2, 2024));
  assert.match(reportId(LI, 2024), /^lizhuangzhenrenminzhengfu-[0-9a-f]{6}-2024$/);
  assert.equal(reportId(LI, 2024), reportId(` ${LI}　`, 2024), 'spaces around the name change nothing');
});

test('two unresolved bodies with colliding pinyin stay two valid reports; one alone keeps the same id', async () => {
  const both = await read({ 'a.txt': tabReport({ agency: LI, year: 2024 }), 'b.txt': tabReport({ agency: LI2, year: 2024 }) });
  assert.equal(both.reports.length, 2, 'two reports');
  for (const { report, validation } of both.reports) {
    assert.equal(report.body, undefined);
    assert.ok(!validation.issues.some((i) => i.rule.startsWith('renderings.')), JSON.stringify(validation.issues.map((i) => i.rule)));
    assert.equal(report.id, reportId(report.agency, 2024));
  }
  const alone = await read({ 'b.txt': tabReport({ agency: LI2, year: 2024 }) });
  assert.equal(alone.reports[0]!.report.id, both.reports.find((r) => r.report.agency === LI2)!.report.id, 'stable across runs');
});

test('ids cut at 60 characters stay distinct for names that differ after the cut', async () => {
  const long = '测试市某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某局';
  const a = `${long}甲科`;
  const b = `${long}乙科`;
  assert.equal(agencySlug(a), agencySlug(b), 'the slugs agree on their first 60 letters');
  const run = await read({ 'a.txt': tabReport({ agency: a }), 'b.txt': tabReport({ agency: b }) });
  assert.equal(run.reports.length, 2);
  assert.notEqual(run.reports[0]!.report.id, run.reports[1]!.report.id);
  for (const { report } of run.reports) assert.ok(report.id.length <= 65, report.id);
});

test('renderings merge only for the same body or the same printed name, even when their ids agree', () => {
  const report = (agency: string, name: string, id = 'shared-2024'): AnnualReport =>
    ({ id, agency, year: 2024, sources: [{ name, rendering: 'json' }] }) as unknown as AnnualReport;
  const merged = mergeRenderings([report(LI, 'a.json'), report(LI2, 'b.json'), report(`${LI} `, 'c.json')]);
  assert.equal(merged.reports.length, 2, 'two bodies');
  const ids = merged.reports.map((r) => r.id);
  assert.equal(new Set(ids).size, 2);
  for (const id of ids) assert.match(id, /^shared-[0-9a-f]{6}-2024$/);
  const li = merged.reports.find((r) => r.agency === LI)!;
  assert.deepEqual(li.sources.map((s) => s.name), ['a.json', 'c.json'], 'the same name printed twice merges');
});
