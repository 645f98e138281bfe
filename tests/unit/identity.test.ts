/**
 * One identity per body across renderings, names and releases: the registry resolves printed names; renderings of
 * one report merge (and a value they disagree on is an error showing both); the cross-year rules look back into
 * the published history; a body missing this year is flagged.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Clock } from '../../pipeline/adapters/clock.ts';
import { gitTarget } from '../../pipeline/publish/git-target.ts';
import { publishedHistory } from '../../pipeline/publish/history.ts';
import { publish } from '../../pipeline/publish/index.ts';
import type { Issue } from '../../pipeline/model/issue.ts';
import { type BuildRun, buildFolder, readFolder, folderResolver } from '../../pipeline/run.ts';
import { generate, generatePair, type GenerateOptions } from '../../pipeline/synth/generate.ts';
import { renderBytes, type SynthRendering } from '../../pipeline/synth/index.ts';
import { sampleRegistryYaml } from '../../pipeline/synth/sample-registry.ts';
import type { CompactReport, NarrativeFigures } from '../../pipeline/synth/types.ts';
import { scratchDir } from '../helpers/scratch.ts';

/** The issues of a build's first report: from the run when it was kept out, else from its document in the release. */
function firstIssues(run: BuildRun, dist: string): Issue[] {
  const r = run.reports[0]!;
  const excluded = run.excluded.find((e) => e.report.id === r.id);
  if (excluded) return excluded.validation.issues;
  return JSON.parse(readFileSync(join(dist, 'reports', String(r.year), `${r.id}.json`), 'utf8')).validation.issues;
}

const day = (n: number): Clock => () => new Date(Date.UTC(2026, 1, n, 2));

function folder(): string {
  const dir = scratchDir('xxgk-identity-');
  mkdirSync(join(dir, 'in'));
  return dir;
}

async function put(dir: string, name: string, rendering: SynthRendering, values: CompactReport, narrative: NarrativeFigures): Promise<void> {
  writeFileSync(join(dir, name), await renderBytes(rendering, values, { narrative }));
}

function registry(dir: string, names: string[]): void {
  writeFileSync(join(dir, 'agencies.yaml'), sampleRegistryYaml(names));
}

test('the web page and the PDF of one report, printing the name with and without the city, merge into one report with both sources', async () => {
  const dir = folder();
  const input = join(dir, 'in');
  const { values, narrative } = generate(31, { year: 2024, agency: '淮安市洪泽区人民政府', scale: 'small' });
  await put(input, 'page.html', 'html', values, narrative);
  await put(input, 'attachment.pdf', 'pdf', { ...values, agency: '洪泽区人民政府' }, narrative);
  const run = await readFolder(input, { resolver: await folderResolver(input) });
  assert.equal(run.reports.length, 1, 'one report');
  const [{ report, validation }] = run.reports as [typeof run.reports[0]];
  assert.equal(report.id, 'jiangsu-huaian-hongze-2024');
  assert.equal(report.body?.id, 'jiangsu-huaian-hongze');
  assert.equal(report.body?.name, '淮安市洪泽区人民政府');
  assert.equal(report.region, '320813');
  assert.deepEqual(report.sources.map((s) => [s.name, s.rendering]), [['attachment.pdf', 'pdf'], ['page.html', 'html']]);
  assert.ok(!validation.issues.some((i) => i.rule.startsWith('renderings.') || i.rule.startsWith('agency.')), JSON.stringify(validation.issues));
});

test('a value the renderings disagree on is an error that shows both values and both sources; the report stays out of the release', async () => {
  const dir = folder();
  const input = join(dir, 'in');
  const { values, narrative } = generate(32, { year: 2024, agency: '淮安市人民政府', scale: 'medium' });
  const received = values.tables.applications.received!.natural_person as number;
  const altered: CompactReport = structuredClone(values);
  altered.tables.applications.received!.natural_person = received + 7;
  await put(input, 'page.html', 'html', values, narrative);
  await put(input, 'attachment.pdf', 'pdf', altered, narrative);
  const run = await buildFolder(input, join(dir, 'dist'), day(1));
  assert.equal(run.reports.length, 1);
  const issue = firstIssues(run, join(dir, 'dist')).find((i) => i.rule === 'renderings.disagree');
  assert.ok(issue, 'a renderings.disagree issue');
  assert.equal(issue.severity, 'error');
  assert.deepEqual([issue.table, issue.row, issue.column], ['applications', 'received', 'natural_person']);
  assert.ok(issue.message.en.includes(`attachment.pdf: ${received + 7}`) && issue.message.en.includes(`page.html: ${received}`), issue.message.en);
  assert.ok(issue.message.zh.includes(`attachment.pdf: ${received + 7}`) && issue.message.zh.includes(`page.html: ${received}`));
  assert.equal(run.published.size, 0, 'kept out of the release');
  assert.equal(run.excluded[0]!.report.id, 'jiangsu-huaian-2024');
});

test('an unknown or ambiguous agency name is a warning naming the candidates, never a guess', async () => {
  const dir = folder();
  const input = join(dir, 'in');
  const gulou = generate(33, { year: 2024, agency: '鼓楼区人民政府', scale: 'small' });
  const typo = generate(34, { year: 2024, agency: '淮安市洪泽区人民攻府', scale: 'small' });
  await put(input, 'gulou.json', 'json', gulou.values, gulou.narrative);
  await put(input, 'typo.json', 'json', typo.values, typo.narrative);
  const run = await readFolder(input, { resolver: await folderResolver(input) });
  const byName = new Map(run.reports.map((r) => [r.report.agency, r]));
  const ambiguous = byName.get('鼓楼区人民政府')!;
  assert.equal(ambiguous.report.body, undefined, 'no body guessed');
  const a = ambiguous.validation.issues.find((i) => i.rule === 'agency.ambiguous');
  assert.ok(a && a.severity === 'warning');
  for (const city of ['南京市', '福州市', '徐州市', '开封市']) assert.ok(a.message.zh.includes(`${city}鼓楼区人民政府`), `${city} among the candidates`);
  const unknown = byName.get('淮安市洪泽区人民攻府')!;
  assert.equal(unknown.report.body, undefined);
  const u = unknown.validation.issues.find((i) => i.rule === 'agency.unknown');
  assert.ok(u && u.message.en.includes('淮安市洪泽区人民政府（jiangsu-huaian-hongze'), u?.message.en);
});

test('a cross-year rule fires across two releases: year N published, then year N+1 with a broken carry-over names both reports', async () => {
  const dir = folder();
  const options: GenerateOptions & { year: number } = { year: 2023, agency: '青禾市生态环境局', scale: 'medium', blankStyle: 'zeros' };
  const [first, second] = generatePair(41, options);
  const yearN = join(dir, 'year-n');
  const yearN1 = join(dir, 'year-n1');
  mkdirSync(yearN);
  mkdirSync(yearN1);
  for (const d of [yearN, yearN1]) registry(d, ['青禾市生态环境局']);
  await put(yearN, 'report.json', 'json', first.values, first.narrative);
  const broken: CompactReport = structuredClone(second.values);
  const carried = broken.tables.applications.carried_over!.natural_person as number;
  broken.tables.applications.carried_over!.natural_person = carried + 3;
  await put(yearN1, 'report.json', 'json', broken, second.narrative);

  const repo = join(dir, 'publish.git');
  const target = gitTarget({ repo, workDir: join(dir, 'work'), clock: day(1) });
  const one = await buildFolder(yearN, join(dir, 'dist-1'), day(1));
  assert.equal(one.published.size, 1);
  await publish(join(dir, 'dist-1'), target, { clock: day(1) });

  // A fresh output folder (as on a CI runner): the history comes from the target's last release.
  const history = await publishedHistory(await target.latest());
  assert.deepEqual(history.map((r) => r.id), ['synthetic-qingheshishengtaihuanjingju-2023']);
  const two = await buildFolder(yearN1, join(dir, 'dist-2'), day(2), { history });
  const issue = firstIssues(two, join(dir, 'dist-2')).find((i) => i.rule === 'cross_year.carry');
  assert.ok(issue, 'cross_year.carry fires against the published year');
  assert.equal(issue.report, 'synthetic-qingheshishengtaihuanjingju-2024');
  assert.deepEqual(issue.related, ['synthetic-qingheshishengtaihuanjingju-2023']);
  assert.equal(issue.column, 'natural_person');
  assert.ok(issue.message.en.includes('2023'), issue.message.en);

  // Without the history, the same run has nothing to compare with.
  const alone = await buildFolder(yearN1, join(dir, 'dist-3'), day(2), { history: [] });
  assert.ok(!firstIssues(alone, join(dir, 'dist-3')).some((i) => i.rule === 'cross_year.carry'));
});

test('a body that published last year but not this year is flagged as missing', async () => {
  const dir = folder();
  const input = join(dir, 'in');
  registry(input, ['青禾市生态环境局', '云湖市市场监督管理局']);
  const a2023 = generate(51, { year: 2023, agency: '青禾市生态环境局', scale: 'small' });
  const b2023 = generate(52, { year: 2023, agency: '云湖市市场监督管理局', scale: 'small' });
  const a2024 = generate(53, { year: 2024, agency: '青禾市生态环境局', scale: 'small' });
  await put(input, 'a2023.json', 'json', a2023.values, a2023.narrative);
  await put(input, 'b2023.json', 'json', b2023.values, b2023.narrative);
  await put(input, 'a2024.json', 'json', a2024.values, a2024.narrative);
  const run = await readFolder(input, { resolver: await folderResolver(input) });
  const missing = run.reports.flatMap((r) => r.validation.issues.filter((i) => i.rule === 'cross_year.missing'));
  assert.deepEqual(missing.map((i) => [i.report, i.expected, i.severity]), [['synthetic-yunhushishichangjianduguanliju-2023', 2024, 'warning']]);
  assert.match(missing[0]!.message.en, /云湖市市场监督管理局 published a 2023 report but no 2024 report was found/);
});

test("a document's region (its configured source's) picks one body out of several that fit the name", async () => {
  const dir = folder();
  const input = join(dir, 'in');
  mkdirSync(join(input, 'nanjing'));
  const gulou = generate(33, { year: 2024, agency: '鼓楼区人民政府', scale: 'small' });
  await put(join(input, 'nanjing'), 'gulou.json', 'json', gulou.values, gulou.narrative);
  const regionOf = (file: string) => (file.startsWith('nanjing/') ? '320100' : undefined);
  const run = await readFolder(input, { resolver: await folderResolver(input), regionOf });
  const [{ report, validation }] = run.reports as [typeof run.reports[0]];
  assert.equal(report.body?.name, '南京市鼓楼区人民政府');
  assert.equal(report.region, '320106');
  assert.ok(!validation.issues.some((i) => i.rule.startsWith('agency.')));
});
