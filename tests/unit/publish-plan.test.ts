/**
 * The release planner, pure: every kind of bump, the notes (every corrected cell old → new, added and withdrawn
 * reports, warnings, the catalog link), the empty plan, and the files that carry the version deciding nothing.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { ValidatedReport } from '../../pipeline/datasets/types.ts';
import { diffFiles, bumpVersion, isVersioned, planRelease, reportsToCompare, type FeedEntry, type ReleaseSide } from '../../pipeline/publish/plan.ts';
import { versionSummary } from '../../pipeline/publish/plan-notes.ts';
import { dataPackageSurface, jsonSchemaSurface, releaseSurface } from '../../pipeline/publish/plan-surface.ts';
import type { FileEntry, Manifest } from '../../pipeline/publish/types.ts';
import { ROOT } from '../helpers/build-samples.ts';
import { sampleReports } from '../helpers/release.ts';

const META = { baseUrl: 'https://example.org/data/latest/' };
const TODAY = '2026-03-01';
const [A, B, C] = sampleReports(3) as [ValidatedReport, ValidatedReport, ValidatedReport];

const docPath = (r: ValidatedReport) => `reports/${r.report.year}/${r.report.id}.json`;
const entry = (r: ValidatedReport): FeedEntry => ({
  id: r.report.id, agency: r.report.agency, year: r.report.year,
  flags: [...new Set(r.validation.issues.filter((i) => i.severity === 'warning').map((i) => i.rule))].sort(),
});
const file = (path: string, sha256 = 'same'): FileEntry => ({ path, bytes: 1, sha256 });

/** A release: data and versioned files, one document per report, its schema surface. */
function release(version: string, reports: ValidatedReport[], options: { shas?: Record<string, string>; surface?: string[]; extra?: string[] } = {}): Manifest {
  const paths = [
    'catalog.jsonld', 'catalog.ttl', 'data/observations.csv', 'data/reports.csv', 'datapackage.json', 'feed/reports.json', 'index.html',
    'schemas/annual-report.schema.json', ...reports.flatMap((r) => [docPath(r), docPath(r).replace(/\.json$/, '.html'), `reports/${r.report.year}/index.html`]),
    ...(options.extra ?? []),
  ];
  return { version, files: [...new Set(paths)].sort().map((p) => file(p, options.shas?.[p] ?? 'same')) };
}

function side(manifest: Manifest, reports: ValidatedReport[], options: { surface?: string[]; documents?: Map<string, ValidatedReport | null> } = {}): ReleaseSide {
  return { manifest, reports: reports.map(entry), surface: options.surface ?? ['s#/properties/a'], documents: options.documents ?? new Map() };
}

/** A copy of a report with one cell set. */
function withCell(r: ValidatedReport, table: 'applications', row: string, column: string, value: number | null): ValidatedReport {
  const copy = structuredClone(r);
  copy.report.tables[table][row]![column] = value === null ? { kind: 'blank', value: null } : { kind: 'number', value };
  return copy;
}

test('the first release is 1.0.0 and lists every report, the warnings and the catalog', () => {
  const plan = planRelease({ previous: null, next: side(release('1.0.0', [A, B]), [A, B]), meta: META, today: TODAY });
  assert.equal(plan.version, '1.0.0');
  assert.equal(plan.bump, 'initial');
  assert.equal(plan.previousVersion, null);
  assert.equal(plan.empty, false);
  assert.deepEqual(plan.reports.added.map((r) => r.id), [A.report.id, B.report.id]);
  assert.ok(plan.files.added.includes('manifest.json') && plan.files.added.includes('data/observations.csv'));
  assert.match(plan.notes, /^## v1\.0\.0 — 2026-03-01\n\nFirst release\.\n\nCatalog: https:\/\/example\.org\/data\/latest\/catalog\.jsonld\n/);
  assert.match(plan.notes, new RegExp(`### Reports \\(2\\)\\n\\n- \`${A.report.id}\` ${A.report.agency} \\(${A.report.year}\\)`));
  // B (2020) is also its body's last report though C is from 2021: cross_year.missing.
  assert.deepEqual(plan.warnings, [{ report: B.report.id, rules: ['applications.balance', 'applications.row_total', 'cross_year.missing'] }]);
  assert.ok(plan.notes.includes(`### Validation warnings\n\n- \`${B.report.id}\`: \`applications.balance\`, \`applications.row_total\`, \`cross_year.missing\`\n`));
});

test('nothing changed: the plan is empty, keeps the version and has no notes', () => {
  const m = release('1.2.3', [A, B]);
  const plan = planRelease({ previous: side(m, [A, B]), next: side(m, [A, B]), meta: META, today: TODAY });
  assert.equal(plan.empty, true);
  assert.equal(plan.bump, 'none');
  assert.equal(plan.version, '1.2.3');
  assert.equal(plan.notes, '');
  assert.deepEqual(plan.files, { added: [], changed: [], removed: [] });
  assert.deepEqual(plan.reasons, []);
});

test('files that carry the version or the release date decide nothing', () => {
  const versioned = ['catalog.jsonld', 'catalog.ttl', 'datapackage.json', 'feed/reports.json', 'index.html', `reports/${A.report.year}/index.html`];
  for (const path of versioned) assert.ok(isVersioned(path), path);
  for (const path of ['data/observations.csv', docPath(A), docPath(A).replace('.json', '.html'), 'schemas/annual-report.schema.json']) assert.ok(!isVersioned(path), path);
  const shas = Object.fromEntries(versioned.map((p) => [p, 'new']));
  const plan = planRelease({ previous: side(release('1.0.0', [A]), [A]), next: side(release('1.0.0', [A], { shas }), [A]), meta: META, today: TODAY });
  assert.equal(plan.empty, true);
});

test('a corrected value is a patch release; the notes give every corrected cell old → new', () => {
  const old = A.report.tables.applications.received!.natural_person!.value!;
  const fixed = withCell(withCell(A, 'applications', 'received', 'natural_person', old + 1), 'applications', 'received', 'legal_service_org', null);
  const path = docPath(A);
  const before = release('1.4.2', [A, B]);
  const after = release('1.4.2', [A, B], { shas: { [path]: 'corrected', 'data/observations.csv': 'corrected' } });
  assert.deepEqual(reportsToCompare(before, after), [path]);
  const plan = planRelease({
    previous: side(before, [A, B], { documents: new Map([[path, A]]) }),
    next: side(after, [A, B], { documents: new Map([[path, fixed]]) }),
    meta: META, today: TODAY,
  });
  assert.equal(plan.bump, 'patch');
  assert.equal(plan.version, '1.4.3');
  assert.deepEqual(plan.reports.corrected.map((r) => r.id), [A.report.id]);
  assert.deepEqual(plan.corrections, [
    { report: A.report.id, table: 'applications', row: 'received', column: 'natural_person', old, new: old + 1 },
    { report: A.report.id, table: 'applications', row: 'received', column: 'legal_service_org', old: 0, new: null },
  ]);
  assert.ok(plan.notes.includes(`### Corrected reports (1)\n\n- \`${A.report.id}\` ${A.report.agency} (${A.report.year}): 2 cells corrected\n`));
  assert.ok(plan.notes.includes(`  - \`applications/received/natural_person\`: ${old} → ${old + 1}\n`));
  assert.ok(plan.notes.includes('  - `applications/received/legal_service_org`: 0 → (blank)\n'));
  assert.match(plan.notes, /^Patch release: values were corrected/m);
  assert.deepEqual(plan.files.changed, [path, 'data/observations.csv', 'manifest.json'].sort());
  assert.match(versionSummary(plan, TODAY), /^Version 1\.4\.3 \(2026-03-01, patch release after 1\.4\.2\): 1 report corrected \(2 cells\)\./);
});

test('a corrected report whose previous document cannot be read is listed without cell detail', () => {
  const path = docPath(A);
  const plan = planRelease({
    previous: side(release('1.0.0', [A]), [A], { documents: new Map([[path, null]]) }),
    next: side(release('1.0.0', [A], { shas: { [path]: 'x' } }), [A], { documents: new Map([[path, withCell(A, 'applications', 'received', 'total', 1)]]) }),
    meta: META, today: TODAY,
  });
  assert.equal(plan.bump, 'patch');
  assert.deepEqual(plan.corrections, []);
  assert.ok(plan.notes.includes(`- \`${A.report.id}\` ${A.report.agency} (${A.report.year}): cell detail unavailable (the previous document could not be read) corrected`));
});

test('a report whose values are unchanged but whose metadata or validation changed is corrected, and the notes say what changed', () => {
  const path = docPath(A);
  const changed = structuredClone(A);
  changed.report.published = '2099-01-01';
  changed.validation = { valid: true, issues: [] };
  changed.report.tables.applications.received!.natural_person!.raw = 'printed otherwise';
  const plan = planRelease({
    previous: side(release('1.0.0', [A]), [A], { documents: new Map([[path, A]]) }),
    next: side(release('1.0.0', [A], { shas: { [path]: 'x' } }), [A], { documents: new Map([[path, changed]]) }),
    meta: META, today: TODAY,
  });
  assert.equal(plan.bump, 'patch');
  assert.ok(plan.notes.includes(': 0 cells corrected\n  - also changed: published, cells \\(kind, printed text or source\\)'), plan.notes);
});

test('an added report is a minor release; so is a withdrawn one, and the notes say so', () => {
  const added = planRelease({ previous: side(release('1.4.2', [A]), [A]), next: side(release('1.4.2', [A, B]), [A, B]), meta: META, today: TODAY });
  assert.equal(added.bump, 'minor');
  assert.equal(added.version, '1.5.0');
  assert.deepEqual(added.reports.added.map((r) => r.id), [B.report.id]);
  assert.ok(added.notes.includes(`### Added reports (1)\n\n- \`${B.report.id}\``));
  const withdrawn = planRelease({ previous: side(release('1.5.0', [A, B]), [A, B]), next: side(release('1.5.0', [A]), [A]), meta: META, today: TODAY });
  assert.equal(withdrawn.bump, 'minor');
  assert.equal(withdrawn.version, '1.6.0');
  assert.deepEqual(withdrawn.reports.withdrawn.map((r) => r.id), [B.report.id]);
  assert.ok(withdrawn.notes.includes('### Withdrawn reports (1)\n\nWithdrawing reports is a minor release'));
  assert.ok(withdrawn.files.removed.includes(docPath(B)));
  assert.ok(withdrawn.reasons.includes(`report withdrawn: ${B.report.id}`));
});

test('a field or code added is minor; removed or renamed is major, and beats everything else', () => {
  const m = release('1.4.2', [A]);
  const schema = 'schemas/annual-report.schema.json';
  const moreFields = planRelease({
    previous: side(m, [A], { surface: ['s#/properties/a'] }),
    next: side(release('1.4.2', [A], { shas: { [schema]: 'x' } }), [A], { surface: ['s#/properties/a', 's#/properties/b'] }),
    meta: META, today: TODAY,
  });
  assert.equal(moreFields.bump, 'minor');
  assert.ok(moreFields.notes.includes('### Fields or codes added\n\n- `s#/properties/b`'));
  const renamed = planRelease({
    previous: side(m, [A], { surface: ['s#/properties/a'] }),
    next: side(release('1.4.2', [A, C], { shas: { [schema]: 'x' } }), [A, C], { surface: ['s#/properties/b'] }),
    meta: META, today: TODAY,
  });
  assert.equal(renamed.bump, 'major');
  assert.equal(renamed.version, '2.0.0');
  assert.equal(renamed.reasons[0], 'field or code removed or renamed: s#/properties/a');
  assert.ok(renamed.notes.includes('### Fields or codes removed or renamed (breaking)\n\n- `s#/properties/a`'));
  assert.ok(renamed.notes.includes(`### Added reports (1)`));
  assert.match(versionSummary(renamed, TODAY), /fields or codes removed or renamed/);
});

test('a schema whose fields and codes are unchanged (a description edited) is a patch; with a correction, other files are not listed', () => {
  const schema = 'schemas/annual-report.schema.json';
  const plan = planRelease({ previous: side(release('1.0.0', [A]), [A]), next: side(release('1.0.0', [A], { shas: { [schema]: 'x' } }), [A]), meta: META, today: TODAY });
  assert.equal(plan.bump, 'patch');
  assert.deepEqual(plan.reasons, [`file changed: ${schema}`]);
  assert.ok(plan.notes.includes(`### Other files changed\n\n- \`${schema}\``));
  const path = docPath(A);
  const both = planRelease({
    previous: side(release('1.0.0', [A]), [A], { documents: new Map([[path, A]]) }),
    next: side(release('1.0.0', [A], { shas: { [path]: 'x', 'data/observations.csv': 'x' } }), [A], { documents: new Map([[path, withCell(A, 'applications', 'received', 'total', 1)]]) }),
    meta: META, today: TODAY,
  });
  assert.ok(!both.notes.includes('### Other files changed'), 'the tables change with the corrected report');
});

test('a last release whose files cannot be read (a target without a local copy) is still planned by what can be told', () => {
  const path = docPath(A);
  const schema = 'schemas/annual-report.schema.json';
  const blind: ReleaseSide = { manifest: release('1.1.0', [A, B]), reports: [], surface: [], unreadable: [schema], documents: new Map([[path, null]]) };
  const next = side(release('1.1.0', [A], { shas: { [path]: 'x', [schema]: 'x' } }), [A], { surface: ['s#/properties/a'], documents: new Map([[path, A]]) });
  const plan = planRelease({ previous: blind, next, meta: META, today: TODAY });
  assert.equal(plan.bump, 'minor', 'a withdrawn report; the schema that could not be compared decides nothing');
  assert.ok(plan.reasons.includes(`not compared (could not be read): ${schema}`));
  assert.ok(plan.notes.includes(`### Not compared\n\nThese schema files changed, but the last release's copy could not be read`));
  assert.ok(plan.notes.includes(`- \`${B.report.id}\` (${B.report.year})`), 'a withdrawn report without its agency');
  assert.ok(plan.notes.includes('cell detail unavailable'));
});

test('another data file that changed is a patch, listed in the notes', () => {
  const page = docPath(A).replace(/\.json$/, '.html');
  const plan = planRelease({
    previous: side(release('2.0.0', [A]), [A]),
    next: side(release('2.0.0', [A], { shas: { 'data/reports.csv': 'x', [page]: 'x' } }), [A]),
    meta: META, today: TODAY,
  });
  assert.equal(plan.version, '2.0.1');
  assert.ok(plan.notes.includes(`### Other files changed\n\n- \`data/reports.csv\`\n- \`${page}\`\n`), plan.notes);
  assert.ok(plan.notes.endsWith('### Validation warnings\n\nNone.\n'), 'no warnings: said so');
  const again = planRelease({
    previous: side(release('2.0.0', [A]), [A]),
    next: side(release('2.0.0', [A], { shas: { 'data/reports.csv': 'x', [page]: 'x' } }), [A]),
    meta: META, today: TODAY,
  });
  assert.equal(again.notes, plan.notes, 'notes are deterministic');
});

test('text from reports cannot inject Markdown or HTML into the notes', () => {
  const plan = planRelease({ previous: side(release('1.0.0', [A]), [A]), next: side(release('1.0.0', [A, C]), [A, C]), meta: META, today: TODAY });
  assert.ok(plan.notes.includes('=cmd\\|\\<script\\>alert\\(1\\)\\</script\\>局'), plan.notes);
  assert.ok(!plan.notes.includes('<script>'));
});

test('versions: semver bumps; a version that is not MAJOR.MINOR.PATCH is refused', () => {
  assert.equal(bumpVersion('1.4.2', 'major'), '2.0.0');
  assert.equal(bumpVersion('1.4.2', 'minor'), '1.5.0');
  assert.equal(bumpVersion('1.4.2', 'patch'), '1.4.3');
  assert.equal(bumpVersion('1.4.2', 'none'), '1.4.2');
  assert.equal(bumpVersion('9.9.9', 'initial'), '1.0.0');
  assert.throws(() => bumpVersion('v1.2', 'patch'), /not MAJOR\.MINOR\.PATCH/);
});

test('file lists: added, changed, removed, with manifest.json whenever anything changes', () => {
  const before: Manifest = { version: '1.0.0', files: [file('a'), file('b'), file('c')] };
  const after: Manifest = { version: '1.0.1', files: [file('a'), file('b', 'x'), file('d')] };
  assert.deepEqual(diffFiles(before, after), { added: ['d'], changed: ['b', 'manifest.json'], removed: ['c'] });
  assert.deepEqual(diffFiles(null, after), { added: ['a', 'b', 'd', 'manifest.json'], changed: [], removed: [] });
  assert.deepEqual(diffFiles(before, { ...before, version: '1.0.1' }), { added: [], changed: ['manifest.json'], removed: [] });
  assert.deepEqual(diffFiles(before, before), { added: [], changed: [], removed: [] });
});

test('schema surface: the real schemas — an enum value or a property removed shows, an unrelated keyword does not', () => {
  const text = readFileSync(join(ROOT, 'schemas/annual-report.schema.json'), 'utf8');
  const schema = JSON.parse(text);
  const all = new Set(jsonSchemaSurface('a', schema));
  assert.ok(all.has('a#/properties/tables/properties/applications'));
  assert.ok(all.has('a#/$defs/cell/properties/kind/enum "derived"'));
  const edited = structuredClone(schema);
  edited.$defs.cell.properties.kind.enum = edited.$defs.cell.properties.kind.enum.filter((k: string) => k !== 'derived');
  edited.$defs.cell.description = 'changed';
  delete edited.$defs.cell.properties.note;
  const after = new Set(jsonSchemaSurface('a', edited));
  assert.deepEqual([...all].filter((s) => !after.has(s)).sort(), ['a#/$defs/cell/properties/kind/enum "derived"', 'a#/$defs/cell/properties/note']);
  assert.deepEqual([...after].filter((s) => !all.has(s)), []);
  assert.deepEqual(releaseSurface(new Map([['schemas/x.json', 'not json']])), []);
});

test('Data Package surface: resources, field names and their code lists', () => {
  const pkg = {
    resources: [
      { name: 'observations', schema: { fields: [{ name: 'table', constraints: { enum: ['proactive', 'applications'] } }, { name: 'value' }] } },
    ],
  };
  assert.deepEqual(dataPackageSurface('datapackage.json', pkg), [
    'datapackage.json#resource observations',
    'datapackage.json#resource observations field table',
    'datapackage.json#resource observations field table enum "proactive"',
    'datapackage.json#resource observations field table enum "applications"',
    'datapackage.json#resource observations field value',
  ]);
  const surface = releaseSurface(new Map([['datapackage.json', JSON.stringify(pkg)], ['schemas/x.json', '{"properties":{"a":{}}}']]));
  assert.ok(surface.includes('schemas/x.json#/properties/a'));
  assert.equal(surface.length, 6);
});
