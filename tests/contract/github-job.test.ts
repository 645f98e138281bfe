/** `xxgk run` with a GitHub target from the config (OWNER/NAME, GITHUB_TOKEN, GITHUB_API_URL), over the fake GitHub. */
import assert from 'node:assert/strict';
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { runCommand } from '../../pipeline/schedule/cli-schedule.ts';
import { silentProgress } from '../../pipeline/schedule/progress.ts';
import { NO_WAIT } from './fake-github/handle.ts';
import { FakeGitHub } from './fake-github/index.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const clock = () => new Date('2025-03-03T00:00:00.000Z');

test('xxgk run publishes to the GitHub repository the config names, with the token from the environment', async () => {
  const fake = new FakeGitHub({ token: 'ghp_job_token' });
  fake.state.push(fake.state.defaultBranch, { 'README.md': '# data\n' }, 'Initial commit');
  const dir = await mkdtemp(join(tmpdir(), 'xxgk-job-github-'));
  try {
    await mkdir(join(dir, 'inbox'));
    await copyFile(join(ROOT, 'samples/real/2024_huaian-city-gov.yaml'), join(dir, 'inbox', 'city.yaml'));
    const config = join(dir, 'xxgk.config.yaml');
    await writeFile(config, `sources:\n  - id: inbox\n    name: 淮安市人民政府\n    region: "320800"\n    inbox: inbox\npublish:\n  repo: ${fake.state.owner}/${fake.state.repo}\n`);
    const env = { GITHUB_TOKEN: 'ghp_job_token', GITHUB_API_URL: fake.hosts.api };
    const lines: string[] = [];
    const run = () => runCommand({ config }, clock, { progress: silentProgress, out: (l) => lines.push(l), env, github: { fetch: fake.fetch, client: NO_WAIT } });
    assert.equal(await run(), 0, lines.join('\n'));
    assert.match(lines.at(-1)!, /published v1\.0\.0$/);
    const release = fake.state.releases.find((r) => r.tagName === 'v1.0.0');
    assert.ok(release && !release.draft, 'a published release v1.0.0');
    assert.ok(fake.state.text('main', 'latest/manifest.json'), 'latest/ is on the branch');
    fake.resetCounts();
    assert.equal(await run(), 0);
    assert.match(lines.at(-1)!, /nothing to publish$/);
    assert.equal(fake.counts().writes, 0, 'a re-run with nothing new writes nothing');
    assert.ok(!lines.join('\n').includes('ghp_job_token'), 'the token is never printed');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
