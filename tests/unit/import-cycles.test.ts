/**
 * The stages' modules import one another without circles, type-only imports included (a circle of types still ties
 * two files to each other): each module's static `import … from './…'` and `export … from './…'` are followed from
 * every file under pipeline/. Dynamic `import()` (the commands' lazy loads) is not a dependency at load time.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { test } from 'node:test';

const ROOT = resolve(import.meta.dirname, '../..');
const PIPELINE = resolve(ROOT, 'pipeline');

function importGraph(): Map<string, string[]> {
  const files = readdirSync(PIPELINE, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).map((f) => resolve(PIPELINE, f));
  const known = new Set(files);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const source = readFileSync(file, 'utf8');
    const targets = [...source.matchAll(/^[ \t]*(?:import|export)\s[^;]*?\sfrom\s+'(\.{1,2}\/[^']+)'/gm)].map((m) => resolve(dirname(file), m[1]!));
    graph.set(file, targets.filter((t) => known.has(t)));
  }
  return graph;
}

function cycles(graph: Map<string, string[]>): string[][] {
  const done = new Set<string>();
  const path: string[] = [];
  const onPath = new Set<string>();
  const found: string[][] = [];
  const visit = (file: string): void => {
    done.add(file);
    path.push(file);
    onPath.add(file);
    for (const next of graph.get(file) ?? []) {
      if (onPath.has(next)) found.push([...path.slice(path.indexOf(next)), next]);
      else if (!done.has(next)) visit(next);
    }
    path.pop();
    onPath.delete(file);
  };
  for (const file of [...graph.keys()].sort()) if (!done.has(file)) visit(file);
  return found;
}

test('no module under pipeline/ imports itself through others (type-only imports included)', () => {
  const graph = importGraph();
  assert.ok(graph.size > 100, `only ${graph.size} modules found under pipeline/`);
  const found = cycles(graph).map((c) => c.map((f) => relative(ROOT, f)).join(' → '));
  assert.deepEqual(found, []);
});

test('the canonical model imports no stage: not the parser, nor ingest, agencies, validate, datasets or publish', () => {
  const stages = ['parse', 'ingest', 'agencies', 'validate', 'datasets', 'publish', 'schedule', 'synth', 'harvest'].map((s) => `${resolve(PIPELINE, s)}/`);
  const upward = [...importGraph()].filter(([file]) => file.startsWith(`${resolve(PIPELINE, 'model')}/`))
    .flatMap(([file, targets]) => targets.filter((t) => stages.some((s) => t.startsWith(s))).map((t) => `${relative(ROOT, file)} → ${relative(ROOT, t)}`));
  assert.deepEqual(upward, []);
});

/**
 * The order data flows through the stages: a stage's module imports its own stage and those before it, never one
 * after. Left out: adapters/ (the I/O handed to the stages) and commands (cli-*.ts: a stage's command composes
 * what it needs). Modules at the top of pipeline/ are utilities every stage may use (errors, memoised, value-table, printable,
 * validators, exit, version) or the composition of a run (run.ts, read*.ts, resolvers.ts, config.ts), after every
 * stage. synth/ (the generator) is a tool: nothing else under pipeline/ imports it.
 */
const RANK: Record<string, number> = {
  model: 0, ingest: 1, agencies: 2, parse: 3, validate: 4, synth: 5, datasets: 5, publish: 6, harvest: 6, schedule: 7,
};
const UTILITIES = new Set(['errors.ts', 'memoised.ts', 'value-table.ts', 'printable.ts', 'validators.ts', 'exit.ts', 'version.ts']);

/** A module's place in the order, or undefined for those left out. */
function rank(file: string): number | undefined {
  const path = relative(PIPELINE, file);
  const [top, ...rest] = path.split('/');
  if (rest.length === 0) return UTILITIES.has(path) ? 0 : 7;
  if (top === 'adapters' || /^cli-[^/]*\.ts$/.test(rest[rest.length - 1]!)) return undefined;
  return RANK[top!];
}

function upward(graph: Map<string, string[]>): string[] {
  return [...graph].flatMap(([file, targets]) => {
    const from = rank(file);
    if (from === undefined) return [];
    return targets.filter((t) => (rank(t) ?? -1) > from).map((t) => `${relative(ROOT, file)} → ${relative(ROOT, t)}`);
  });
}

test('every stage imports only its own stage and those before it (model, ingest, agencies, parse, validate, datasets, publish, schedule)', () => {
  const graph = importGraph();
  for (const file of graph.keys()) {
    const top = relative(PIPELINE, file).split('/')[0]!;
    if (top.endsWith('.ts') || top === 'adapters') continue;
    assert.ok(top in RANK, `pipeline/${top}/ has no place in the order of the stages (RANK)`);
  }
  assert.deepEqual(upward(graph), []);
  const synth = `${resolve(PIPELINE, 'synth')}/`;
  const intoSynth = [...graph].filter(([file]) => !file.startsWith(synth))
    .flatMap(([file, targets]) => targets.filter((t) => t.startsWith(synth)).map((t) => `${relative(ROOT, file)} → ${relative(ROOT, t)}`));
  assert.deepEqual(intoSynth, []);
});

test('the order check sees an import against the flow: ingest → parse', () => {
  const ingest = resolve(PIPELINE, 'ingest/word-text.ts');
  const parse = resolve(PIPELINE, 'parse/read-tables.ts');
  assert.deepEqual(upward(new Map([[ingest, [parse]], [parse, [ingest]]])), ['pipeline/ingest/word-text.ts → pipeline/parse/read-tables.ts']);
});

test('the check sees a circle: a → b → a', () => {
  const graph = new Map([['a', ['b']], ['b', ['a']], ['c', ['a']]]);
  assert.deepEqual(cycles(graph), [['a', 'b', 'a']]);
});
