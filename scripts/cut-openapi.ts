/**
 * Cut the GitHub REST operations the GitHub target uses, with every component they reference, out of GitHub's
 * published OpenAPI description (the @octokit/openapi package, a devDependency), into
 * tests/contract/openapi/github-subset.json. The fake GitHub validates every request and response against it.
 *
 * Run after adding an operation to OPERATIONS, or to follow a new description:
 *   npx tsx scripts/cut-openapi.ts            (writes the subset)
 *   npx tsx scripts/cut-openapi.ts --check    (exits 1 when the committed subset differs from a fresh cut)
 * Examples are dropped (they are not schemas); everything else is copied as published.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** operationId → why the target (or the fake's own checks) needs it. */
export const OPERATIONS: Record<string, string> = {
  'repos/get-commit': 'the branch head: commit sha and tree sha',
  'repos/get-content': 'latest/manifest.json and, when finishing, CHANGELOG.md',
  'repos/list-commits': 'when finishing: the commit that last changed latest/manifest.json',
  'repos/list-releases': 'drafts, released tags and the CHANGELOG history',
  'repos/list-release-assets': 'after a 422 already_exists on upload',
  'git/create-blob': 'binary files',
  'git/create-tree': 'the release tree on base_tree, text files inline',
  'git/create-commit': 'the release commit',
  'git/update-ref': 'move the branch (force: false)',
  'git/create-ref': 'create the branch on the first release',
  'repos/create-release': 'the draft release',
  'repos/update-release': 'publish the draft',
  'repos/upload-release-asset': 'release assets (uploads host)',
  'repos/delete-release-asset': 'an asset left half-uploaded or with other bytes',
};

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

function isObject(v: Json | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Copy a node, dropping `examples`/`example` beside media-type schemas, collecting the component refs it holds. */
function copy(node: Json, refs: Set<string>, mediaType = false): Json {
  if (Array.isArray(node)) return node.map((n) => copy(n, refs));
  if (!isObject(node)) return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (mediaType && (key === 'examples' || key === 'example')) continue;
    if (key === '$ref' && typeof value === 'string') refs.add(value);
    out[key] = key === 'content' && isObject(value)
      ? Object.fromEntries(Object.entries(value).map(([type, body]) => [type, copy(body, refs, true)]))
      : copy(value, refs);
  }
  return out;
}

function pointer(doc: JsonObject, ref: string): Json {
  if (!ref.startsWith('#/')) throw new Error(`external $ref not supported: ${ref}`);
  let node: Json = doc;
  for (const raw of ref.slice(2).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (!isObject(node) || !(key in node)) throw new Error(`dangling $ref ${ref}`);
    node = node[key]!;
  }
  return node;
}

export function cut(spec: JsonObject, operations: string[], source: string): JsonObject {
  const refs = new Set<string>();
  const paths: JsonObject = {};
  const found = new Set<string>();
  for (const [path, item] of Object.entries(spec.paths as JsonObject)) {
    if (!isObject(item)) continue;
    for (const method of METHODS) {
      const op = item[method];
      if (!isObject(op) || !operations.includes(String(op.operationId))) continue;
      found.add(String(op.operationId));
      const target = (paths[path] ??= {}) as JsonObject;
      if (item.parameters) target.parameters = copy(item.parameters, refs);
      target[method] = copy(op, refs);
    }
  }
  const missing = operations.filter((o) => !found.has(o));
  if (missing.length) throw new Error(`operations not in the description: ${missing.join(', ')}`);
  // Follow $refs transitively into components.
  const components: Record<string, JsonObject> = {};
  const done = new Set<string>();
  const queue = [...refs];
  while (queue.length) {
    const ref = queue.pop()!;
    if (done.has(ref)) continue;
    done.add(ref);
    const [, section, name] = ref.match(/^#\/components\/([^/]+)\/(.+)$/) ?? [];
    if (!section || !name) throw new Error(`unexpected $ref ${ref}`);
    if (section === 'examples') continue;
    const more = new Set<string>();
    (components[section] ??= {})[name] = copy(pointer(spec, ref), more);
    for (const r of more) if (!done.has(r)) queue.push(r);
  }
  const sorted: JsonObject = {};
  for (const section of Object.keys(components).sort()) {
    const entries = components[section]!;
    sorted[section] = Object.fromEntries(Object.keys(entries).sort().map((k) => [k, entries[k]!]));
  }
  const info = isObject(spec.info) ? spec.info : {};
  return {
    openapi: spec.openapi ?? '3.0.3',
    info: { title: String(info.title ?? 'GitHub v3 REST API'), version: String(info.version ?? ''), 'x-cut-from': source, 'x-operations': OPERATIONS },
    servers: spec.servers ?? [],
    paths,
    components: sorted,
  };
}

async function main(): Promise<void> {
  const require = createRequire(import.meta.url);
  const pkgPath = require.resolve('@octokit/openapi/package.json');
  const pkg = JSON.parse(await readFile(pkgPath, 'utf8')) as { version: string };
  const spec = JSON.parse(await readFile(join(dirname(pkgPath), 'generated', 'api.github.com.json'), 'utf8')) as JsonObject;
  const subset = cut(spec, Object.keys(OPERATIONS), `@octokit/openapi@${pkg.version} generated/api.github.com.json`);
  const text = `${JSON.stringify(subset, null, 2)}\n`;
  const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'tests', 'contract', 'openapi', 'github-subset.json');
  if (process.argv.includes('--check')) {
    const committed = await readFile(out, 'utf8').catch(() => '');
    if (committed !== text) {
      console.error(`${out} differs from a fresh cut of @octokit/openapi@${pkg.version}: run npx tsx scripts/cut-openapi.ts`);
      process.exitCode = 1;
    } else console.log(`${out} is up to date (@octokit/openapi@${pkg.version})`);
    return;
  }
  await writeFile(out, text);
  console.log(`wrote ${out}: ${Object.keys(OPERATIONS).length} operations, ${Buffer.byteLength(text)} bytes, from @octokit/openapi@${pkg.version}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
