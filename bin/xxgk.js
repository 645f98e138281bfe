#!/usr/bin/env node
// Entry point for the `xxgk` bin. Runs the compiled JavaScript in dist-js/ (npm ci, npm install and npm pack compile
// it: the `prepare` script), so that start-up does not transpile every module. When dist-js/ is missing, or older than
// a source file (a working copy being edited), it runs the TypeScript sources through tsx instead.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';

const root = new URL('../', import.meta.url);
const stamp = new URL('dist-js/.built', root);

/** The newest modification time of the run-time sources (pipeline/ without synth/, schemas/). */
function newestSource() {
  let newest = 0;
  for (const dir of ['pipeline', 'schemas']) {
    for (const entry of readdirSync(new URL(`${dir}/`, root), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || (entry.parentPath ?? entry.path).includes('/pipeline/synth')) continue;
      newest = Math.max(newest, statSync(`${entry.parentPath ?? entry.path}/${entry.name}`).mtimeMs);
    }
  }
  return newest;
}

function compiled() {
  if (!existsSync(stamp)) return false;
  // In an installed package there are no sources to compare with.
  if (!existsSync(new URL('pipeline/', root))) return true;
  return statSync(stamp).mtimeMs >= newestSource();
}

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  // --version answers from package.json alone.
  process.stdout.write(`${JSON.parse(readFileSync(new URL('package.json', root), 'utf8')).version}\n`);
} else if (process.env.XXGK_FROM_SOURCE !== '1' && compiled()) {
  await import('../dist-js/cli.js');
} else {
  if (process.stderr.isTTY && process.env.XXGK_FROM_SOURCE !== '1') {
    process.stderr.write('xxgk: running the TypeScript sources through tsx (slower start-up); `npm run build` compiles them into dist-js/\n');
  }
  const { register } = await import('tsx/esm/api');
  register();
  await import('../pipeline/cli.ts');
}
