/**
 * `npm run bench [-- --STEP… --OPTION VALUE…]`: the benches, each in its own node process, one after the other,
 * stopping at the first that fails. With no step named, every step runs at its own size; `--cli`, `--build`, … run
 * only the steps named. Other options go to every step that runs and replace the step's own: `npm run bench -- --cli
 * --count 10000` is bench/cli.ts over 10,000 reports, `npm run bench -- --count 100` a quick pass through every step.
 * An option followed by another option, or last, is a flag and goes on its own: `npm run bench -- --cli --rerun`.
 */
import { spawnSync } from 'node:child_process';

/** An option's value, or null for a flag (an option without a value, e.g. --rerun). */
interface Step { name: string; file: string; options: Record<string, string | null> }

const STEPS: Step[] = [
  { name: 'run', file: 'bench/run.ts', options: {} },
  { name: 'pdf', file: 'bench/pdf.ts', options: {} },
  { name: 'resolve', file: 'bench/resolve.ts', options: {} },
  { name: 'build', file: 'bench/build.ts', options: { '--count': '10000' } },
  { name: 'build', file: 'bench/build.ts', options: { '--count': '100000' } },
  { name: 'publish', file: 'bench/publish.ts', options: {} },
  { name: 'lossy', file: 'bench/lossy.ts', options: { '--count': '200' } },
  // Synth's own layout text with its office-suite variants drawn: cells exact / flagged / refused / WRONG (must be 0).
  { name: 'layout', file: 'bench/layout-synth.ts', options: { '--count': '200' } },
  // LibreOffice converts about one report a second on 2 cores: 100 reports keep the step within two or three minutes.
  { name: 'office-pdf', file: 'bench/office-pdf.ts', options: { '--count': '100' } },
  // Issue 14 §1: hostile inputs at full size (a 3 GB zip bomb, a 200 MB file, …) beside a good report.
  { name: 'hostile', file: 'bench/hostile.ts', options: {} },
  // Through the real CLI, on files on disk: 2,000 reports keep the whole bench within reach on 2 cores.
  { name: 'cli', file: 'bench/cli.ts', options: { '--count': '2000' } },
];

const names = new Set(STEPS.map((s) => s.name));
const chosen = new Set<string>();
const given: Record<string, string | null> = {};
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
  const arg = args[i]!;
  if (arg.startsWith('--') && names.has(arg.slice(2))) chosen.add(arg.slice(2));
  else if (arg.startsWith('--') && arg.length > 2) {
    const next = args[i + 1];
    given[arg] = next === undefined || next.startsWith('--') ? null : args[++i]!;
  } else {
    console.error(`usage: npm run bench -- [${[...names].map((n) => `--${n}`).join(' ')}] [--count N] [--OPTION VALUE …] [--FLAG …]`);
    process.exit(2);
  }
}

const seen = new Set<string>();
for (const step of STEPS.filter((s) => chosen.size === 0 || chosen.has(s.name))) {
  const options = Object.entries({ ...step.options, ...given }).flatMap(([name, value]) => (value === null ? [name] : [name, value]));
  const argv = ['--expose-gc', '--import', 'tsx', step.file, ...options];
  // Two steps made the same by the options given run once.
  if (seen.has(argv.join(' '))) continue;
  seen.add(argv.join(' '));
  console.log(`\n$ node ${argv.join(' ')}`);
  const { status, signal } = spawnSync(process.execPath, argv, { stdio: 'inherit' });
  if (status !== 0) process.exit(status ?? (signal ? 1 : 70));
}
