/**
 * Issue 14 §1: one hostile file per row of the table, each beside a good report, through `xxgk build` in a child
 * process with a memory cap. Each is that file's error (named, with the limit and how to raise it), exit 2, and
 * the good report is built. The limits are lowered by the config so that the files stay small and the run quick;
 * bench/hostile.ts runs the same rows at the sizes under the default limits.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { deepHtml, docxBomb, pdfOf, pdfSegments, writeBigText } from '../helpers/hostile.ts';
import { scratchDir } from '../helpers/scratch.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const GOOD = join(ROOT, 'samples/real/2024_huaian-city-gov.json');

const CONFIG = `sources:
  - id: test
    name: 测试
    region: "320800"
    inbox: inbox
publish:
  repo: publish.git
limits:
  maxBytes: 200000
  maxUnzippedBytes: 1000000
  maxHtmlDepth: 200
  maxPdfSegments: 2000
  maxFieldLength: 100
`;

function run(args: string[], cwd: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--max-old-space-size=300', join(ROOT, 'bin/xxgk.js'), ...args], { cwd, env: { ...process.env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('xxgk build: a hostile file beside a good report (issue 14 §1)', { timeout: 180_000 }, () => {
  let dir = '';
  let result: Awaited<ReturnType<typeof run>>;
  before(async () => {
    dir = scratchDir('xxgk-limits-');
    const inDir = join(dir, 'in');
    await mkdir(inDir);
    await copyFile(GOOD, join(inDir, 'good.json'));
    await writeFile(join(inDir, 'deep.html'), deepHtml(5000));
    await writeFile(join(inDir, 'bomb.docx'), await docxBomb(5_000_000));
    await writeFile(join(inDir, 'liar.docx'), await docxBomb(5_000_000, { lie: true }));
    await writeBigText(join(inDir, 'big.txt'), 300_000);
    await writeFile(join(inDir, 'segments.pdf'), pdfSegments(5000));
    await writeFile(join(inDir, 'content-bomb.pdf'), pdfOf([`BT /F1 12 Tf 72 800 Td (2024) Tj ET\n${' '.repeat(2_000_000)}`]));
    const long = JSON.parse(await readFile(GOOD, 'utf8')) as { agency: string };
    long.agency = `${'很长的名字'.repeat(40)}人民政府`;
    await writeFile(join(inDir, 'long-name.json'), JSON.stringify(long));
    await writeFile(join(dir, 'xxgk.config.yaml'), CONFIG);
    result = await run(['build', '--in', 'in', '--out', 'out', '--config', 'xxgk.config.yaml'], dir);
  });
  after(() => rm(dir, { recursive: true, force: true }));

  const unreadable = (file: string): string => {
    const line = result.stdout.split('\n').find((l) => l.startsWith(`  UNREADABLE ${file}: `));
    assert.ok(line, `${file} is listed as unreadable:\n${result.stdout}${result.stderr}`);
    return line;
  };

  it('builds the good report and exits 2 for the unreadable files', async () => {
    assert.equal(result.code, 2, result.stderr);
    assert.match(result.stdout, /included jiangsu-huaian-2024|included \S*huaian\S*-2024/);
    const feed = JSON.parse(await readFile(join(dir, 'out/feed/reports/2024.json'), 'utf8')) as { reports: Array<{ agency: string }> };
    assert.deepEqual(feed.reports.map((r) => r.agency), ['淮安市人民政府']);
  });
  it('HTML nested deeper than limits.maxHtmlDepth', () => {
    assert.match(unreadable('deep.html'), /HTML nested more than 200 elements deep, over the limit of 200 \(limits\.maxHtmlDepth in xxgk\.config\.yaml raises it\)/);
  });
  it('.docx whose entries declare more than limits.maxUnzippedBytes', () => {
    assert.match(unreadable('bomb.docx'), /the \.docx declares 4\.8 MB uncompressed \(a zip bomb\?\), over the limit of 1,000,000 \(limits\.maxUnzippedBytes/);
  });
  it('.docx that lies about its sizes: stopped while inflating', () => {
    assert.match(unreadable('liar.docx'), /the \.docx inflates to more than 1\.0 MB \(stopped inside its entry word\/bomb\.xml: a zip bomb\?\), over the limit of 1,000,000 \(limits\.maxUnzippedBytes/);
  });
  it('a file larger than limits.maxBytes, refused from its size', () => {
    assert.match(unreadable('big.txt'), /the file is 300,000 bytes, over the limit of 200,000 \(limits\.maxBytes in xxgk\.config\.yaml raises it\)/);
  });
  it('a PDF page drawing more than limits.maxPdfSegments', () => {
    assert.match(unreadable('segments.pdf'), /page 1 of 1: a page draws more than 2000 line segments, over the limit of 2,000 \(limits\.maxPdfSegments/);
  });
  it('a PDF whose page content inflates past limits.maxUnzippedBytes: stopped before pdf.js reads it', () => {
    assert.match(unreadable('content-bomb.pdf'), /a compressed stream of the PDF \(object 5\) inflates to more than 1\.0 MB \(stopped at the limit: a PDF bomb\?\), over the limit of 1,000,000 \(limits\.maxUnzippedBytes/);
  });
  it('an agency name longer than limits.maxFieldLength', () => {
    assert.match(unreadable('long-name.json'), /the report's field \/agency is 204 characters long, over the limit of 100 \(limits\.maxFieldLength/);
  });
});
