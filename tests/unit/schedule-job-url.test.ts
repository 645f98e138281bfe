/**
 * A URL source in the scheduled job, against a real local HTTP server: the report page links its .docx attachment,
 * which the job follows (coverage.csv takes the page's date); the next run sends the stored validators, gets 304s and publishes nothing.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { runCommand } from '../../pipeline/schedule/cli-schedule.ts';
import { silentProgress } from '../../pipeline/schedule/progress.ts';
import { readFeedEntries } from '../../pipeline/publish/read-feed.ts';
import { scratchDir } from '../helpers/scratch.ts';

const clock = () => new Date('2025-03-03T00:00:00.000Z');
const sample = fileURLToPath(new URL('../../samples/synthetic/2024_yunhushishichangjianduguanliju-8d6661/report.docx', import.meta.url));

test('a URL source: the page links its .docx, which is fetched and published; a re-run gets 304s and publishes nothing', async () => {
  const docx = await readFile(sample);
  const page = Buffer.from('<html><head><meta charset="utf-8"><title>2024年政府信息公开工作年度报告</title><meta name="PubDate" content="2025-01-27 09:30"></head><body><p>全文见附件：</p><p><a href="/files/report.docx">2024年政府信息公开工作年度报告.docx</a></p></body></html>');
  const files: Record<string, { body: Buffer; type: string }> = {
    '/report.html': { body: page, type: 'text/html; charset=utf-8' },
    '/files/report.docx': { body: docx, type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  };
  const seen: Array<{ path: string; conditional: boolean; status: number }> = [];
  const server = createServer((req: IncomingMessage, res) => {
    const file = files[req.url ?? ''];
    if (!file) {
      res.writeHead(404).end();
      seen.push({ path: req.url ?? '', conditional: false, status: 404 });
      return;
    }
    const etag = `"${createHash('sha256').update(file.body).digest('hex').slice(0, 16)}"`;
    const conditional = req.headers['if-none-match'] === etag;
    seen.push({ path: req.url!, conditional, status: conditional ? 304 : 200 });
    if (conditional) res.writeHead(304, { etag }).end();
    else res.writeHead(200, { 'content-type': file.type, etag }).end(file.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const dir = scratchDir('xxgk-job-url-');
  try {
    const config = join(dir, 'xxgk.config.yaml');
    await writeFile(config, `sources:\n  - id: yunhu\n    name: 云湖市市场监督管理局\n    region: "330100"\n    url: http://127.0.0.1:${port}/report.html\npublish:\n  repo: publish.git\n`);
    const lines: string[] = [];
    const run = async () => {
      const code = await runCommand({ config }, clock, { progress: silentProgress, out: (l) => lines.push(l), env: {} });
      return { code, line: lines.at(-1) ?? '' };
    };
    let r = await run();
    assert.equal(r.code, 0, r.line);
    assert.match(r.line, /1 fetched, 0 unchanged, 1 parsed, .*; published v1\.0\.0$/);
    assert.deepEqual(seen.map((s) => [s.path, s.status]), [['/report.html', 200], ['/files/report.docx', 200]]);
    // feed/reports.json is the index of the feed's parts: read through them.
    const feed = { reports: (await readFeedEntries((path) => readFile(join(dir, 'output', 'dist', path), 'utf8').catch(() => null))) as Array<{ agency: string; year: number }> };
    assert.deepEqual(feed.reports.map((x) => [x.agency, x.year]), [['云湖市市场监督管理局', 2024]]);
    // data/coverage.csv: the page's own date (its CMS's PubDate), the page's URL.
    const coverage = await readFile(join(dir, 'output', 'dist', 'data', 'coverage.csv'), 'utf8');
    const row = coverage.split('\r\n').find((l) => l.startsWith('2024,'))!;
    assert.match(row, new RegExp(`,2025-01-27,page,2025-01-31,-4,on_time,http://127\\.0\\.0\\.1:${port}/report\\.html,`), row);

    seen.length = 0;
    r = await run();
    assert.match(r.line, /0 fetched, 1 unchanged, 0 parsed, .*; nothing to publish$/);
    assert.ok(seen.length >= 1 && seen.every((s) => s.conditional && s.status === 304), JSON.stringify(seen));
  } finally {
    server.close();
    await rm(dir, { recursive: true, force: true });
  }
});
