/**
 * LibreOffice for tests: convert files with `soffice --headless --convert-to`, many in one call (each soffice
 * start costs seconds), under a profile of its own so that parallel runs do not share one. Absent soffice → null.
 */
import { execFile, spawnSync } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { scratchDir } from './scratch.ts';

const run = promisify(execFile);

export const HAS_SOFFICE = spawnSync('soffice', ['--version'], { stdio: 'ignore' }).status === 0;

/** Print why a test that needs LibreOffice does nothing here. Returns true when the test should stop. */
export function skipWithoutSoffice(what: string): boolean {
  if (HAS_SOFFICE) return false;
  console.log(`notice: soffice (libreoffice-writer-nogui) is not installed, so "${what}" checks nothing here`);
  return true;
}

/**
 * A PDF made without a Chinese font holds no Chinese text (soffice prints the characters with a fallback font that
 * has no glyphs for them, so neither pdf.js nor pdftotext gets them back): such a round trip tests the machine, not
 * the reader. fontconfig's `fc-list :lang=zh` lists the fonts that cover Chinese (fonts-noto-cjk in .ci/run).
 */
export const HAS_CJK_FONT = (() => {
  const listed = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
  return listed.status === 0 && listed.stdout.trim() !== '';
})();

/** As skipWithoutSoffice, for tests that print PDFs with Chinese text: they need a Chinese font as well. */
export function skipWithoutSofficePdf(what: string): boolean {
  if (skipWithoutSoffice(what)) return true;
  if (HAS_CJK_FONT) return false;
  console.log(`notice: no font covering Chinese is installed (fc-list :lang=zh lists none; apt-get install fonts-noto-cjk), so "${what}" checks nothing here`);
  return true;
}

/** Convert each named file to `format` (e.g. "doc", "pdf"); the result maps the same names to the new bytes. */
export async function convertWithSoffice(files: Map<string, Uint8Array>, format: string): Promise<Map<string, Uint8Array>> {
  const dir = scratchDir('xxgk-soffice-');
  try {
    const inputs: string[] = [];
    for (const [name, bytes] of files) {
      const path = join(dir, name);
      await writeFile(path, bytes);
      inputs.push(path);
    }
    const profile = pathToFileURL(join(dir, 'profile')).href;
    // Its temporary files (lu*.tmp) and pipe in the folder removed below, not the run's temporary folder.
    await run('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', format, '--outdir', join(dir, 'out'), ...inputs], { env: { ...process.env, TMPDIR: dir } });
    const out = new Map<string, Uint8Array>();
    for (const name of files.keys()) {
      const stem = name.replace(/\.[^.]+$/, '');
      out.set(name, new Uint8Array(await readFile(join(dir, 'out', `${stem}.${format}`))));
    }
    return out;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
