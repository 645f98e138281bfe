/**
 * The contract every publish target keeps, as one suite to run against each of them (the git target, the GitHub
 * fake): first publish, re-runs, a correction, added and withdrawn reports, an incompatible schema change, and a
 * crash after every step followed by a re-run.
 *
 * A target under test comes with inspect() — what it holds, in the same shape for every target — and crashAfter(n):
 * the target fails, as if the process died, right after its next n steps (git commands, HTTP requests).
 */
import assert from 'node:assert/strict';
import { cpSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test as nodeTest } from 'node:test';
import type { Clock } from '../../pipeline/adapters/clock.ts';
import { type PublishOutcome, publish } from '../../pipeline/publish/index.ts';
import type { PublishTarget } from '../../pipeline/publish/types.ts';
import { readTree } from '../helpers/build-samples.ts';
import { REPORTS, addReport, build, correct, day, fixture, removeSchemaProperty, withdrawReport, type Fixture } from '../helpers/publish-fixture.ts';
import { removeScratch, scratchDir } from '../helpers/scratch.ts';

/** What a target holds, the same for every target. */
export interface TargetState {
  /** Files at the head of the branch (path → bytes); empty when the branch does not exist. */
  files: Map<string, Buffer>;
  /** Commits on the branch, newest first (first parents). */
  commits: string[];
  /** Every tag, sorted by name: the commit it points at and its message (annotated tags). */
  tags: Array<{ name: string; commit: string; message: string }>;
  /** Releases, on targets that have them (GitHub), sorted by tag; [] for plain git. */
  releases: Array<{ tag: string; name: string; body: string; assets: string[] }>;
}

export interface TargetHandle {
  target: PublishTarget;
  inspect(): Promise<TargetState>;
  /** Fail right after the next `steps` steps of the target (throwing InjectedCrash); null disarms. Fires once. */
  crashAfter(steps: number | null): void;
  /**
   * A new handle on a copy of what this target holds, as a new process would find it (targets that can be copied):
   * the crash tests publish the releases before the crash once and crash each step's run on a copy.
   */
  fork?(): Promise<TargetHandle>;
}

/** The error a crashing target throws. */
export class InjectedCrash extends Error {
  override name = 'InjectedCrash';
}

/**
 * The steps to crash after: every one under `npm run test:full` (XXGK_TEST_FULL=1); in `npm test`, steps 1 to 3 and
 * then every sixteenth step, from an offset drawn from the target's name (so the four targets try different steps), so
 * that `npm test` stays within its time budget. The loop ends on the first run that gets through, so a crash near the
 * end is still tried whenever the stride lands on it.
 */
const CRASH_STRIDE = 16;
export function nextCrashStep(k: number, target: string): number {
  if (process.env.XXGK_TEST_FULL === '1' || k < 3) return k + 1;
  if (k === 3) return 4 + ([...target].reduce((h, c) => (h * 31 + c.codePointAt(0)!) >>> 0, 7) % CRASH_STRIDE);
  return k + CRASH_STRIDE;
}

const notesTitles = (changelog: string) => changelog.split('\n').filter((l) => l.startsWith('## v'));

/** The state holds exactly this release folder under latest/, and the root files. */
function assertHoldsRelease(state: TargetState, out: string): void {
  const built = readTree(out);
  const latest = [...state.files.keys()].filter((p) => p.startsWith('latest/')).map((p) => p.slice('latest/'.length)).sort();
  assert.deepEqual(latest, [...built.keys()].sort(), 'latest/ holds exactly the release files');
  for (const [path, bytes] of built) assert.ok(state.files.get(`latest/${path}`)!.equals(bytes), `latest/${path} equals the build`);
  for (const root of ['CHANGELOG.md', 'README.md', 'index.html', '.nojekyll']) assert.ok(state.files.has(root), `${root} at the root`);
  assert.match(state.files.get('index.html')!.toString('utf8'), /url=latest\//, 'index.html redirects to latest/');
}

/** One tag per version, each on a commit of the branch, one commit per release, one CHANGELOG entry per version. */
function assertReleases(state: TargetState, versions: string[], commitsBefore: number): void {
  assert.deepEqual(state.tags.map((t) => t.name), versions.map((v) => `v${v}`).sort(), 'exactly one tag per version');
  for (const tag of state.tags) assert.ok(state.commits.includes(tag.commit), `${tag.name} is on the branch`);
  assert.equal(state.commits.length, commitsBefore + versions.length, 'one commit per release');
  assert.equal(state.tags.find((t) => t.name === `v${versions.at(-1)}`)!.commit, state.commits[0], 'the newest tag is the head');
  const changelog = state.files.get('CHANGELOG.md')!.toString('utf8');
  assert.deepEqual(notesTitles(changelog).map((l) => /^## v(\S+)/.exec(l)![1]), [...versions].reverse(), 'CHANGELOG.md: one entry per release, newest first');
  if (state.releases.length > 0) assert.deepEqual(state.releases.map((r) => r.tag), state.tags.map((t) => t.name), 'one release per tag');
}

function version(out: string): string {
  return (JSON.parse(readFileSync(join(out, 'datapackage.json'), 'utf8')) as { version: string }).version;
}

/** The contract's tests, by key. */
export type ContractTest = 'first' | 'again' | 'correction' | 'added' | 'schema' | 'crash-first' | 'crash-correction';

/**
 * Every target runs every test under `npm run test:full` (XXGK_TEST_FULL=1). In `npm test` a target may run a part
 * (`quick`), so that the suite stays within its time budget: the callers split the tests between the targets so that
 * each test runs on at least one GitHub and one git target, and the others are reported as skipped.
 */
export function targetContract(name: string, make: () => Promise<TargetHandle>, quick?: readonly ContractTest[]): void {
  const run = (f: Fixture, h: TargetHandle, clock: Clock) => publish(f.out, h.target, { clock });
  const full = process.env.XXGK_TEST_FULL === '1';
  const test = (key: ContractTest, title: string, fn: () => Promise<void>) =>
    nodeTest(title, full || !quick || quick.includes(key) ? {} : { skip: `runs on this target under npm run test:full (${key})` }, fn);

  /**
   * fixture() built on day 1 and published (v1.0.0), where most tests start. On a target that can be copied (fork) it
   * is published once; each test gets a copy of the target and of the folder, as if it had published it itself.
   */
  let firstRelease: { h: TargetHandle; dir: string; before: number; outcome: PublishOutcome } | undefined;
  async function publishedFirst(): Promise<{ h: TargetHandle; f: Fixture; before: number; outcome: PublishOutcome }> {
    if (!firstRelease) {
      const h = await make();
      const before = (await h.inspect()).commits.length;
      const f = fixture();
      await build(f, day(1));
      const outcome = await run(f, h, day(1));
      if (!h.fork) return { h, f, before, outcome };
      await h.inspect(); // A copy does not carry what the target found wrong (the fake's OpenAPI violations): checked here.
      firstRelease = { h, dir: f.dir, before, outcome };
    }
    const dir = scratchDir('xxgk-publish-');
    cpSync(firstRelease.dir, dir, { recursive: true, verbatimSymlinks: true });
    const f: Fixture = { dir, in: join(dir, 'in'), out: join(dir, 'dist') };
    return { h: await firstRelease.h.fork!(), f, before: firstRelease.before, outcome: firstRelease.outcome };
  }

  test('first', `${name}: the first publish makes v1.0.0 — latest/ equals the build, CHANGELOG.md, an annotated tag with the notes`, async () => {
    const { h, f, before, outcome } = await publishedFirst();
    assert.equal(outcome.plan.version, '1.0.0');
    assert.equal(outcome.plan.bump, 'initial');
    assert.equal(outcome.result?.version, '1.0.0');
    assert.equal(version(f.out), '1.0.0');
    const state = await h.inspect();
    assertHoldsRelease(state, f.out);
    assertReleases(state, ['1.0.0'], before);
    const tag = state.tags[0]!;
    assert.ok(tag.message.startsWith(outcome.plan.notes.trimEnd()), 'the tag message is the release notes');
    assert.match(tag.message, /^## v1\.0\.0 — 2026-02-01$/m, 'Markdown headings survive in the tag message');
    assert.ok(state.files.get('CHANGELOG.md')!.toString('utf8').includes(outcome.plan.notes.trimEnd()));
    for (const release of state.releases) assert.ok(release.body.includes(outcome.plan.notes.trimEnd()));
  });

  test('again', `${name}: publishing the same build again publishes nothing, the same day or later`, async () => {
    const { h, f } = await publishedFirst();
    const state = await h.inspect();
    const built = readTree(f.out);
    for (const clock of [day(1), day(9)]) {
      const again = await run(f, h, clock);
      assert.equal(again.plan.empty, true);
      assert.equal(again.plan.bump, 'none');
      assert.equal(again.result, null);
      assert.deepEqual(await h.inspect(), state, 'the target is untouched');
      assert.deepEqual(readTree(f.out), built, 'the folder is untouched');
    }
    await build(f, day(10));
    assert.equal((await run(f, h, day(10))).plan.empty, true, 'a rebuild of the same data on a later day plans nothing');
  });

  test('correction', `${name}: a corrected report is a patch release whose notes give every corrected cell old → new`, async () => {
    const { h, f, before } = await publishedFirst();
    correct(f, REPORTS.huaianCity2024, 'applications', 'carried_forward', 'natural_person', 104);
    correct(f, REPORTS.huaianCity2024, 'applications', 'carried_forward', 'total', 104);
    await build(f, day(2));
    const outcome = await run(f, h, day(2));
    assert.equal(outcome.plan.version, '1.0.1');
    assert.equal(outcome.plan.bump, 'patch');
    assert.deepEqual(outcome.plan.reports.corrected.map((r) => r.id), ['jiangsu-huaian-2024']);
    for (const column of ['natural_person', 'total']) {
      assert.ok(outcome.plan.notes.includes(`\`applications/carried_forward/${column}\`: 103 → 104`), `notes give ${column} old → new`);
    }
    assert.equal(version(f.out), '1.0.1');
    const state = await h.inspect();
    assertHoldsRelease(state, f.out);
    assertReleases(state, ['1.0.0', '1.0.1'], before);
    const changelog = state.files.get('CHANGELOG.md')!.toString('utf8');
    assert.ok(changelog.includes('`applications/carried_forward/natural_person`: 103 → 104'), 'CHANGELOG.md has the correction');
    assert.ok(state.tags.find((t) => t.name === 'v1.0.1')!.message.includes('103 → 104'));
    assert.equal((await run(f, h, day(3))).plan.empty, true, 'and then nothing');
  });

  test('added', `${name}: an added report is a minor release; a report gone from the build is kept; a withdrawn one is a minor release`, async () => {
    const h = await make();
    const before = (await h.inspect()).commits.length;
    const f = fixture({ without: [REPORTS.huaianCity2024] });
    await build(f, day(1));
    await run(f, h, day(1));
    addReport(f, REPORTS.huaianCity2024);
    await build(f, day(2));
    const added = await run(f, h, day(2));
    assert.equal(added.plan.version, '1.1.0');
    assert.deepEqual(added.plan.reports.added.map((r) => r.id), ['jiangsu-huaian-2024']);
    assert.match(added.plan.notes, /### Added reports \(1\)\n\n- `jiangsu-huaian-2024` 淮安市人民政府 \(2024\)/);
    // Gone from the build (a source that matched nothing): kept, unchanged; nothing to publish.
    withdrawReport(f, REPORTS.liaocheng2020);
    await build(f, day(3));
    const kept = await run(f, h, day(3));
    assert.equal(kept.plan.empty, true);
    assert.deepEqual(kept.kept.map((r) => r.id), ['shandong-liaocheng-zrzyhghj-2020']);
    assert.ok((await h.inspect()).files.has('latest/reports/2020/shandong-liaocheng-zrzyhghj-2020.json'), 'still published');
    // Withdrawn by the operator, with a reason: in the notes, the CHANGELOG and withdrawals.json.
    const withdrawn = await publish(f.out, h.target, { clock: day(3), withdraw: [{ id: 'shandong-liaocheng-zrzyhghj-2020', reason: 'published twice by mistake' }] });
    assert.equal(withdrawn.plan.version, '1.2.0');
    assert.equal(withdrawn.plan.bump, 'minor');
    assert.deepEqual(withdrawn.plan.reports.withdrawn.map((r) => [r.id, r.reason]), [['shandong-liaocheng-zrzyhghj-2020', 'published twice by mistake']]);
    assert.match(withdrawn.plan.notes, /### Withdrawn reports \(1\)\n\nWithdrawing reports is a minor release.*\n\n- `shandong-liaocheng-zrzyhghj-2020` .* — withdrawn by the operator: published twice by mistake\n/);
    const state = await h.inspect();
    assert.match(state.files.get('CHANGELOG.md')!.toString('utf8'), /withdrawn by the operator: published twice by mistake/);
    assert.match(state.files.get('latest/withdrawals.json')!.toString('utf8'), /"reason": "published twice by mistake"/);
    // The report back in the build stays withdrawn.
    addReport(f, REPORTS.liaocheng2020);
    await build(f, day(4));
    const again = await run(f, h, day(4));
    assert.equal(again.plan.empty, true);
    assert.deepEqual(again.stillWithdrawn.map((w) => w.id), ['shandong-liaocheng-zrzyhghj-2020']);
    assertHoldsRelease(state, f.out);
    assertReleases(state, ['1.0.0', '1.1.0', '1.2.0'], before);
    assert.ok(!state.files.has('latest/reports/2020/shandong-liaocheng-zrzyhghj-2020.json'), 'the withdrawn report is gone from latest/');
  });

  test('schema', `${name}: a schema field removed is a major release`, async () => {
    const { h, f } = await publishedFirst();
    removeSchemaProperty(f, 'annual-report.schema.json', ['$defs', 'cell', 'properties', 'note']);
    const outcome = await run(f, h, day(2));
    assert.equal(outcome.plan.version, '2.0.0');
    assert.equal(outcome.plan.bump, 'major');
    assert.ok(outcome.plan.reasons.some((r) => r.includes('annual-report.schema.json#/$defs/cell/properties/note')), outcome.plan.reasons.join('\n'));
    assert.match(outcome.plan.notes, /### Fields or codes removed or renamed \(breaking\)/);
    const state = await h.inspect();
    assertHoldsRelease(state, f.out);
    assert.deepEqual(state.tags.map((t) => t.name), ['v1.0.0', 'v2.0.0']);
  });

  /**
   * Crash after step k (k = 1, 2, … until a run gets through), re-run on a later day, and check the result is the
   * same release as without a crash: complete, one tag per version, nothing doubled; a third run publishes nothing.
   * The release folders are built once: `before` are published first, then `crash` is published with the crash.
   */
  async function crashEverywhere(folders: { before: string[]; crash: string }, expected: string[]): Promise<number> {
    const publishBefore = async (h: TargetHandle, f: Fixture) => {
      for (const folder of folders.before) {
        rmSync(f.out, { recursive: true, force: true });
        cpSync(folder, f.out, { recursive: true, dereference: true });
        await run(f, h, day(18));
      }
    };
    // A target that can be copied publishes the releases before the crash once; each step's run crashes on a copy.
    let base: { h: TargetHandle; commits: number } | undefined;
    if (folders.before.length > 0) {
      const h = await make();
      if (h.fork) {
        const commits = (await h.inspect()).commits.length;
        await publishBefore(h, { dir: '', in: '', out: join(scratchDir('xxgk-crash-'), 'dist') });
        base = { h, commits };
      }
    }
    let k = 1;
    for (; k < 500; k = nextCrashStep(k, name)) {
      const out = join(scratchDir('xxgk-crash-'), 'dist');
      const f: Fixture = { dir: dirname(out), in: '', out };
      let h: TargetHandle;
      let commits: number;
      if (base) {
        h = await base.h.fork!();
        commits = base.commits;
      } else {
        h = await make();
        commits = (await h.inspect()).commits.length;
        await publishBefore(h, f);
      }
      rmSync(out, { recursive: true, force: true });
      cpSync(folders.crash, out, { recursive: true, dereference: true });
      h.crashAfter(k);
      let crashed = false;
      try {
        await run(f, h, day(20));
      } catch (err) {
        if (!(err instanceof InjectedCrash)) throw err;
        crashed = true;
      }
      h.crashAfter(null);
      if (crashed) {
        const rerun = await run(f, h, day(21));
        assert.ok(rerun.plan.empty || rerun.plan.version === expected.at(-1), `crash after step ${k}: the re-run publishes ${expected.at(-1)}, not ${rerun.plan.version} (${rerun.plan.bump}):\n${rerun.plan.notes}`);
      }
      const state = await h.inspect();
      assertHoldsRelease(state, f.out);
      assertReleases(state, expected, commits);
      assert.equal(version(f.out), expected.at(-1));
      assert.equal((await run(f, h, day(22))).plan.empty, true, `crash after step ${k}: a third run publishes nothing`);
      assert.deepEqual(await h.inspect(), state);
      // A release folder a step: removed now, not at the exit (hundreds of them under test:full).
      removeScratch(f.dir);
      if (!crashed) break;
    }
    assert.ok(k > 3, 'the runs had steps to crash after');
    return k;
  }

  test('crash-first', `${name}: a crash after any step of the first publish, then a re-run: v1.0.0, complete, once`, async () => {
    const f = fixture();
    await build(f, day(19));
    await crashEverywhere({ before: [], crash: f.out }, ['1.0.0']);
  });

  test('crash-correction', `${name}: a crash after any step of a correction, then a re-run: v1.0.1, complete, once`, async () => {
    const f = fixture();
    await build(f, day(18));
    const first = join(f.dir, 'first');
    cpSync(f.out, first, { recursive: true, dereference: true });
    correct(f, REPORTS.hongze2024, 'applications', 'received', 'natural_person', 1000);
    await build(f, day(19));
    await crashEverywhere({ before: [first], crash: f.out }, ['1.0.0', '1.0.1']);
  });
}
