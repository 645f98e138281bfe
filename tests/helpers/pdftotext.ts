/** poppler's pdftotext for tests: `pdftotext -layout` of PDF bytes, or null (with HAS_PDFTOTEXT false) when absent. */
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const HAS_PDFTOTEXT = spawnSync('pdftotext', ['-v'], { stdio: 'ignore' }).status === 0;

/** The PDF's `pdftotext -layout` text, as bytes (UTF-8). */
export async function pdftotextLayout(pdf: Uint8Array): Promise<Uint8Array> {
  const child = run('pdftotext', ['-layout', '-enc', 'UTF-8', '-', '-'], { encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 });
  child.child.stdin!.end(Buffer.from(pdf));
  const { stdout } = await child;
  return new Uint8Array(stdout);
}
