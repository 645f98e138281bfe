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

test('the canonical model imports no stage: not the parser, nor ingest, validate, datasets or publish', () => {
  const stages = ['parse', 'ingest', 'validate', 'datasets', 'publish', 'schedule', 'synth', 'harvest'].map((s) => `${resolve(PIPELINE, s)}/`);
  const upward = [...importGraph()].filter(([file]) => file.startsWith(`${resolve(PIPELINE, 'model')}/`))
    .flatMap(([file, targets]) => targets.filter((t) => stages.some((s) => t.startsWith(s))).map((t) => `${relative(ROOT, file)} → ${relative(ROOT, t)}`));
  assert.deepEqual(upward, []);
});

test('the check sees a circle: a → b → a', () => {
  const graph = new Map([['a', ['b']], ['b', ['a']], ['c', ['a']]]);
  assert.deepEqual(cycles(graph), [['a', 'b', 'a']]);
});
