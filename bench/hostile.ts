/**
 * `npm run bench -- --hostile`: the rows of issue 14 §1's table at the issue's sizes, under the default limits.
 * For each, a folder holding the hostile file beside one good report goes through `xxgk build` (the real CLI, a
 * child process); printed: wall time, peak RSS, exit code, and what the build said about the hostile file.
 * The files are made in a temporary folder and removed afterwards. `--only WORD` runs the baseline and the rows whose
 * input names WORD (`npm run bench -- --hostile --only PDF`).
 */
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deepHtml, docxBomb, pdfOf, pdfSegments, writeBigText } from '../tests/helpers/hostile.ts';
import { measureMethod, runMeasured } from './child.ts';
import { mb } from './measure.ts';

const ROOT = new URL('../', import.meta.url).pathname;
const GOOD = join(ROOT, 'samples/real/2024_huaian-city-gov.json');

const ROWS: Array<{ row: string; file: string; make: (path: string) => Promise<void> }> = [
  { row: 'the good report alone (the baseline: start-up, reading it, building the release)', file: 'none', make: async () => {} },
  { row: 'HTML nested 100,000 levels deep (1.1 MB)', file: 'deep.html', make: (p) => writeFile(p, deepHtml(100_000)) },
  { row: '.docx zip bomb (~3 GB inside)', file: 'bomb.docx', make: async (p) => writeFile(p, await docxBomb(3 * 2 ** 30)) },
  { row: '.docx zip bomb lying about its sizes (~3 GB inside)', file: 'liar.docx', make: async (p) => writeFile(p, await docxBomb(3 * 2 ** 30, { lie: true })) },
  { row: '200 MB text file', file: 'big.txt', make: (p) => writeBigText(p, 200 * 2 ** 20) },
  { row: 'PDF with 3 million line segments', file: 'segments.pdf', make: (p) => writeFile(p, pdfSegments(3_000_000)) },
  { row: 'PDF with 1.5 million line segments (content under maxUnzippedBytes)', file: 'segments-15.pdf', make: (p) => writeFile(p, pdfSegments(1_500_000)) },
  { row: 'PDF with 6 million operators (q Q, 12 KB file)', file: 'operators.pdf', make: (p) => writeFile(p, pdfOf([`BT /F1 12 Tf 72 800 Td (2024) Tj ET\n${'q Q\n'.repeat(3_000_000)}`])) },
  { row: 'PDF whose page content inflates to 400 MB (400 KB file)', file: 'content-bomb.pdf', make: (p) => writeFile(p, pdfOf([`BT /F1 12 Tf 72 800 Td (2024) Tj ET\n${' '.repeat(400 * 2 ** 20)}`])) },
  {
    row: 'JSON report with a 100 KB agency name',
    file: 'long-name.json',
    make: async (p) => {
      const report = JSON.parse(await readFile(GOOD, 'utf8')) as { agency: string };
      report.agency = `${'长'.repeat(100_000)}人民政府`;
      await writeFile(p, JSON.stringify(report));
    },
  },
];

const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1]?.toLowerCase() : undefined;
const rows = ROWS.filter((r) => !only || r.file === 'none' || r.row.toLowerCase().includes(only));

const scratch = await mkdtemp(join(tmpdir(), 'xxgk-bench-hostile-'));
console.log(`issue 14 §1 rows, each beside a good report, through xxgk build (default limits; peak RSS by ${measureMethod()})`);
console.log('| input | time | CPU | peak RSS | exit | outcome |\n|---|---|---|---|---|---|');
try {
  for (const { row, file, make } of rows) {
    const dir = join(scratch, file.replace(/\W/g, '-'));
    await mkdir(join(dir, 'in'), { recursive: true });
    await copyFile(GOOD, join(dir, 'in', 'good.json'));
    if (file !== 'none') await make(join(dir, 'in', file));
    const log = join(dir, 'log.txt');
    const m = await runMeasured([process.execPath, join(ROOT, 'bin/xxgk.js'), 'build', '--in', join(dir, 'in'), '--out', join(dir, 'out')], { scratch, log });
    const out = await readFile(log, 'utf8');
    const said = out.split('\n').find((l) => l.includes(`UNREADABLE ${file}`))?.trim() ?? out.split('\n').find((l) => / (?:included|EXCLUDED) /.test(l) && !l.includes('huaian'))?.trim() ?? out.trim().slice(0, 200);
    const good = /included \S+-2024 {2}淮安市人民政府/.test(out) ? 'good report built' : 'GOOD REPORT NOT BUILT';
    const cpu = m.cpuSeconds === null ? '?' : `${m.cpuSeconds.toFixed(1)} s`;
    console.log(`| ${row} | ${(m.wallMs / 1000).toFixed(1)} s | ${cpu} | ${mb(m.peakRss)} | ${m.code} | ${said.replace(/\|/g, '\\|')}; ${good} |`);
    await rm(dir, { recursive: true, force: true });
  }
} finally {
  await rm(scratch, { recursive: true, force: true });
}
