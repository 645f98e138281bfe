/**
 * A listing source in the scheduled job and in `xxgk sources check`, against a real local website: the job takes
 * the report the column lists (its .docx attachment) and publishes it; a re-run asks conditionally and publishes
 * nothing; `sources check` prints year, title and URL and stores nothing. The User-Agent names the dataset's
 * publisher when harvest.contact is not set.
 */
import assert from 'node:assert/strict';
import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { runCommand } from '../../pipeline/schedule/cli-schedule.ts';
import { sourcesCheckCommand } from '../../pipeline/schedule/cli-sources.ts';
import { silentProgress } from '../../pipeline/schedule/progress.ts';
import { listingHtml, serveSite } from '../helpers/listing-site.ts';
import { readFeedEntries } from '../../pipeline/publish/read-feed.ts';
import { scratchDir } from '../helpers/scratch.ts';

const clock = () => new Date('2025-03-03T00:00:00.000Z');
const sample = fileURLToPath(new URL('../../samples/synthetic/2024_yunhushishichangjianduguanliju-8d6661/report.docx', import.meta.url));

test('a listing source: the job takes the listed report and publishes it; a re-run publishes nothing; sources check stores nothing', async () => {
  const site = await serveSite({
    '/robots.txt': { body: 'User-agent: *\nAllow: /\n', type: 'text/plain' },
    '/ndbg/index.html': {
      body: listingHtml([
        { href: 'r2024.html', text: '云湖市市场监督管理局2024年政府信息公开工作年度报告', date: '2025-01-24' },
        { href: 'notice.html', text: '关于报送2024年度政府信息公开工作年度报告的通知', date: '2025-01-02' },
      ]),
    },
    '/ndbg/r2024.html': { body: '<html><head><meta charset="utf-8"><meta name="PubDate" content="2025-01-24"></head><body><a href="/files/r2024.docx">附件</a></body></html>' },
    '/files/r2024.docx': { body: await readFile(sample), type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  });
  const dir = scratchDir('xxgk-job-listing-');
  try {
    const config = join(dir, 'xxgk.config.yaml');
    await writeFile(config, `sources:\n  - id: yunhu\n    name: 云湖市市场监督管理局\n    region: "330100"\n    listing: ${site.origin}/ndbg/index.html\nharvest:\n  delayMs: 0\npublish:\n  repo: publish.git\n`
      // No harvest.contact: the User-Agent names the dataset's publisher.
      + 'dataset:\n  publisher: { name: { zh: 云湖开放数据, en: Yunhu open data }, url: https://example.org/ops }\n');

    const lines: string[] = [];
    const code = await sourcesCheckCommand({ config }, { out: (l) => lines.push(l), env: {} });
    assert.equal(code, 0, lines.join('\n'));
    assert.deepEqual(lines.slice(1), [`  2024\t云湖市市场监督管理局2024年政府信息公开工作年度报告\t${site.origin}/ndbg/r2024.html\t2025-01-24`, '  1 reports on 1 page']);
    assert.equal(await stat(join(dir, 'output')).catch(() => null), null, 'sources check stores nothing');
    assert.ok(!site.log.some((l) => l.path === '/ndbg/r2024.html'), 'sources check does not fetch the reports');

    const run = async () => {
      const out: string[] = [];
      const c = await runCommand({ config }, clock, { progress: silentProgress, out: (l) => out.push(l), env: {} });
      return { code: c, line: out.at(-1) ?? '' };
    };
    site.log.length = 0;
    let r = await run();
    assert.equal(r.code, 0, r.line);
    assert.match(r.line, /1 fetched, 0 unchanged, 1 parsed, .*; published v1\.0\.0$/);
    // feed/reports.json is the index of the feed's parts: read through them.
    const feed = { reports: (await readFeedEntries((path) => readFile(join(dir, 'output', 'dist', path), 'utf8').catch(() => null))) as Array<{ agency: string; year: number }> };
    assert.deepEqual(feed.reports.map((x) => [x.agency, x.year]), [['云湖市市场监督管理局', 2024]]);
    assert.ok(site.log.every((l) => l.userAgent.includes('https://example.org/ops')));
    // coverage.csv: the body's report for 2024, dated by its page (2025-01-24), on time, with its page's URL
    const coverage = (await readFile(join(dir, 'output', 'dist', 'data', 'coverage.csv'), 'utf8')).replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    const header = coverage[0]!.split(',');
    const rows = coverage.slice(1).map((l) => Object.fromEntries(l.split(',').map((v, i) => [header[i], v])));
    assert.deepEqual(rows.map((row) => [row.year, row.body_name, row.found, row.published, row.published_from, row.days_after_deadline, row.status, row.url]), [
      ['2024', '云湖市市场监督管理局', 'true', '2025-01-24', 'page', '-7', 'on_time', `${site.origin}/ndbg/r2024.html`],
    ]);

    site.log.length = 0;
    r = await run();
    assert.match(r.line, /0 fetched, 1 unchanged, 0 parsed, .*; nothing to publish$/);
    assert.deepEqual(site.log.filter((l) => l.status === 200).map((l) => l.path), ['/robots.txt']);
  } finally {
    await site.close();
    await rm(dir, { recursive: true, force: true });
  }
});
