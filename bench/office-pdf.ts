/**
 * `npm run bench -- --office-pdf [--count N]` (node --import tsx bench/office-pdf.ts): N generated reports (default
 * 100; seeds 1..N) laid out as an office suite prints them (office-page.ts: page sizes, narrow label columns that wrap
 * labels over four to six lines, rows cut by page breaks, a table with one side unruled) in a .docx, converted to PDF
 * by LibreOffice (soffice --headless, in batches), then read twice: the PDF itself, and its `pdftotext -layout` text.
 * Prints the share of cells exact / flagged / refused / WRONG (must be 0) per rendering; exits 1 on a wrong cell.
 * Needs soffice and pdftotext (says so and exits 0 without them). Writes nothing outside a temporary folder, unless
 * `--cache DIR`: then each PDF and its layout text are kept in DIR under the hash of the .docx they came from, and a
 * later run with the same .docx reads them from there instead of running LibreOffice again (a changed generator
 * makes a different .docx, so a stale PDF is never scored). `--from S` starts at seed S (seeds S..S+N-1), to score
 * seeds not tuned on; `--layout-only` skips reading the PDFs themselves.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { countArg } from './measure.ts';
import { generate } from '../pipeline/synth/generate.ts';
import { drawOfficePage } from '../pipeline/synth/office-page.ts';
import { emptyScore, formatCellScore, scoreFile } from '../pipeline/synth/office-score.ts';
import { renderDocx } from '../pipeline/synth/render-docx.ts';
import { HAS_PDFTOTEXT, pdftotextLayout } from '../tests/helpers/pdftotext.ts';
import { HAS_SOFFICE, convertWithSoffice } from '../tests/helpers/soffice.ts';

const COUNT = countArg(100, 'node --import tsx bench/office-pdf.ts');
const BATCH = 50;
const argAfter = (flag: string): string | undefined => {
  const at = process.argv.indexOf(flag);
  return at >= 0 ? process.argv[at + 1] : undefined;
};
const FROM = Number(argAfter('--from') ?? 1);
const CACHE = argAfter('--cache');
const LAYOUT_ONLY = process.argv.includes('--layout-only');
if (!Number.isInteger(FROM) || FROM <= 0) {
  console.error('usage: node --import tsx bench/office-pdf.ts [--count N] [--from S] [--cache DIR] [--layout-only]');
  process.exit(2);
}
if (CACHE !== undefined) await mkdir(CACHE, { recursive: true });
const readCached = async (path: string): Promise<Uint8Array | undefined> => {
  try {
    return new Uint8Array(await readFile(path));
  } catch {
    return undefined;
  }
};

if (!HAS_SOFFICE || !HAS_PDFTOTEXT) {
  console.log('office-pdf bench: soffice (libreoffice-writer-nogui) and pdftotext (poppler-utils) are needed; skipped');
  process.exit(0);
}
const t0 = performance.now();
const pdf = emptyScore();
const layout = emptyScore();
let convertSeconds = 0;
let cached = 0;
const LAST = FROM + COUNT - 1;
for (let from = FROM; from <= LAST; from += BATCH) {
  const seeds = Array.from({ length: Math.min(BATCH, LAST - from + 1) }, (_, i) => from + i);
  const generated = new Map(seeds.map((seed) => [seed, generate(seed)]));
  const docx = new Map<string, Uint8Array>();
  const pdfs = new Map<string, Uint8Array>();
  const texts = new Map<string, Uint8Array>();
  const keys = new Map<string, string>();
  for (const [seed, g] of generated) {
    const name = `office-${seed}.docx`;
    const bytes = await renderDocx(g.values, { narrative: g.narrative, office: drawOfficePage(seed) });
    const key = `office-${seed}-${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}`;
    keys.set(name, key);
    const hit = CACHE === undefined ? undefined : await readCached(join(CACHE, `${key}.pdf`));
    if (hit === undefined) docx.set(name, bytes);
    else {
      pdfs.set(name, hit);
      const text = await readCached(join(CACHE!, `${key}.txt`));
      if (text !== undefined) texts.set(name, text);
      cached++;
    }
  }
  if (docx.size > 0) {
    const t1 = performance.now();
    for (const [name, bytes] of await convertWithSoffice(docx, 'pdf')) {
      pdfs.set(name, bytes);
      if (CACHE !== undefined) await writeFile(join(CACHE, `${keys.get(name)}.pdf`), bytes);
    }
    convertSeconds += (performance.now() - t1) / 1000;
  }
  for (const [seed, g] of generated) {
    const name = `office-${seed}.docx`;
    const bytes = pdfs.get(name)!;
    if (!LAYOUT_ONLY) await scoreFile(pdf, g.values, bytes, `office-${seed}.pdf`);
    let text = texts.get(name);
    if (text === undefined) {
      text = await pdftotextLayout(bytes);
      if (CACHE !== undefined) await writeFile(join(CACHE, `${keys.get(name)}.txt`), text);
    }
    await scoreFile(layout, g.values, text, `office-${seed}.pdftotext-layout.txt`);
  }
}
console.log(`xxgk office-PDF bench: ${COUNT} generated reports (seeds ${FROM}–${LAST}${CACHE === undefined ? '' : `, ${cached} PDFs from the cache ${CACHE}`}), .docx → soffice → PDF (${convertSeconds.toFixed(1)} s converting), ${((performance.now() - t0) / 1000).toFixed(1)} s in all\n`);
for (const [name, score] of LAYOUT_ONLY ? [['pdftotext -layout text', layout] as const] : [['PDF read directly', pdf], ['pdftotext -layout text', layout]] as const) {
  console.log(formatCellScore(name, score));
  for (const e of score.examples) console.log(`  ${e}`);
  if (score.wrong > 0) process.exitCode = 1;
}
