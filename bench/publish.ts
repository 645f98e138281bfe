/**
 * Publish benchmark (node --import tsx bench/publish.ts [--count N] [--binary B]): N generated release files
 * (default 10 000; B of them binary, default 10) published to the in-process fake GitHub, every request and response
 * checked against GitHub's OpenAPI description as in the tests. Three runs: the first release, a second release
 * (10% of the files changed, 1% removed, 1% added), and a re-run with nothing changed. Prints, per run, the API reads
 * and writes the fake counted, the size of the tree request, and the time (the fake answers at once and the client's
 * write spacing is off: on GitHub add about 1 s per write and 3 s per release write). Writes only a temporary folder
 * (the local copy of the release), which it removes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { releaseAssets } from '../pipeline/publish/assets.ts';
import { githubTarget } from '../pipeline/publish/github-target.ts';
import { FakeGitHub } from '../tests/contract/fake-github/index.ts';
import { type MemoryRelease, memoryRelease, run } from '../tests/contract/fake-github/releases.ts';

const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(name);
  const n = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isInteger(n) || n < 0) {
    console.error('usage: node --import tsx bench/publish.ts [--count N] [--binary B]');
    process.exit(2);
  }
  return n;
};
const COUNT = arg('--count', 10_000);
const BINARY = Math.min(arg('--binary', 10), COUNT);

/** A CSV-like text file of about 1.5 KB, different per path and version. */
function textFile(i: number, version: number): string {
  const rows = [`id,agency,year,received,answered,v`];
  for (let r = 0; r < 30; r++) rows.push(`r${i}-${r},机关${i % 97},${2019 + (r % 7)},${(i * 31 + r) % 1000},${(i * 17 + r) % 900},${version}`);
  return `${rows.join('\n')}\n`;
}

function binaryFile(i: number, version: number): Uint8Array {
  const b = new Uint8Array(2048);
  for (let k = 0; k < b.length; k++) b[k] = (i * 7 + k * 13 + version) & 0xff;
  b[0] = 0;
  return b;
}

function files(version: number, change: { changed: number; removed: number; added: number }): Record<string, string | Uint8Array> {
  const out: Record<string, string | Uint8Array> = {
    'catalog.jsonld': `{"@context":{},"version":"${version}"}\n`,
    'datapackage.json': `{"name":"xxgk","version":"${version}"}\n`,
  };
  for (let i = 0; i < COUNT - 2; i++) {
    if (i < change.removed) continue;
    const touched = i % 10 === 0 && i / 10 < change.changed / 1 ? version : 1;
    const path = i < BINARY ? `img/f${i}.png` : `data/y${2019 + (i % 7)}/f${i}.csv`;
    out[path] = i < BINARY ? binaryFile(i, touched) : textFile(i, touched);
  }
  for (let i = 0; i < change.added; i++) out[`data/new/v${version}-${i}.csv`] = textFile(COUNT + i, version);
  return out;
}

const stateDir = mkdtempSync(join(tmpdir(), 'xxgk-bench-publish-'));

/** A fake GitHub with the branch main, and a target over it; the tree request's size measured as it passes. */
function setup(maxTreeRequestBytes?: number) {
  const fake = new FakeGitHub({ token: 'ghp_bench', ...(maxTreeRequestBytes ? { maxTreeRequestBytes } : {}) });
  fake.state.push('main', { 'README.md': '# data\n' });
  const sizes = { tree: 0 };
  const fetch: typeof globalThis.fetch = async (input, init) => {
    if (init?.method === 'POST' && String(input).endsWith('/git/trees') && typeof init.body === 'string') sizes.tree += Buffer.byteLength(init.body);
    return fake.fetch(input, init);
  };
  const dir = mkdtempSync(join(stateDir, 'state-'));
  const target = () =>
    githubTarget({
      owner: 'xxgk', repo: 'data', branch: 'main', token: 'ghp_bench', baseUrl: fake.hosts.api, fetch, stateDir: dir,
      client: { wait: async () => {}, retryDelayMs: 0, writeSpacingMs: 0 },
    });
  return { fake, sizes, target };
}

const rows: string[][] = [];
async function measure(name: string, at: ReturnType<typeof setup>, release: MemoryRelease): Promise<void> {
  at.fake.resetCounts();
  at.sizes.tree = 0;
  const assets = await releaseAssets(release);
  const start = performance.now();
  const result = await run(at.target(), release, { assets });
  const ms = performance.now() - start;
  const { reads, writes } = at.fake.counts();
  const count = (op: string) => at.fake.requests.filter((r) => r.operationId === op).length;
  rows.push([name, String(release.manifest.files.length), String(reads), String(writes), String(count('git/create-blob')), String(count('git/create-tree')), String(assets.length), `${(at.sizes.tree / 2 ** 20).toFixed(1)} MB`, `${ms.toFixed(0)} ms`, result ? result.tag ?? '' : 'nothing to do']);
  at.fake.assertClean();
}

const v1 = memoryRelease('1.0.0', files(1, { changed: 0, removed: 0, added: 0 }));
const v2 = memoryRelease('1.1.0', files(2, { changed: Math.floor(COUNT / 10), removed: Math.floor(COUNT / 100), added: Math.floor(COUNT / 100) }));
const plain = setup();
await measure('first release', plain, v1);
await measure('second release', plain, v2);
await measure('nothing changed', plain, v2);
// GitHub times out on large tree requests (a few MB): the target then builds the tree in parts.
const limited = setup(2_500_000);
await measure('first, trees ≤ 2.5 MB', limited, v1);
await measure('second, trees ≤ 2.5 MB', limited, v2);
rmSync(stateDir, { recursive: true, force: true });

const head = ['run', 'files', 'reads', 'writes', 'blobs', 'trees', 'assets', 'tree requests', 'time', 'result'];
const widths = head.map((h, k) => Math.max(h.length, ...rows.map((r) => r[k]!.length)));
const line = (cells: string[]) => cells.map((c, k) => c.padEnd(widths[k]!)).join('  ');
console.log(`publish ${COUNT} files (${BINARY} binary) to the fake GitHub`);
console.log(line(head));
for (const r of rows) console.log(line(r));
