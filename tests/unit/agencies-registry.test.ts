/**
 * agencies.yaml: valid against its schema, generated from the package byte for byte, and what it says about real
 * bodies; parseRegistry's errors name the file, the entry and what was expected.
 * TO REGENERATE after changing pipeline/agencies or scripts/agencies-curated.yaml: `npx tsx scripts/write-agencies.ts`
 * and commit agencies.yaml.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import schema from '../../schemas/agencies.schema.json' with { type: 'json' };
import { DEFAULT_REGISTRY, loadRegistry, readPackageDivisions } from '../../pipeline/adapters/registry.ts';
import { parseRegistry } from '../../pipeline/agencies/registry.ts';
import { ConfigError } from '../../pipeline/errors.ts';
import type { Agency } from '../../pipeline/model/agency.ts';
import { scratchDir } from '../helpers/scratch.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const REGENERATE = 'agencies.yaml is out of date: run `npx tsx scripts/write-agencies.ts` and commit the result';
const registry = await loadRegistry();
const byName = (name: string): Agency => {
  const found = registry.filter((a) => a.name === name);
  assert.equal(found.length, 1, `one body named ${name}`);
  return found[0]!;
};

describe('agencies.yaml', () => {
  it('validates against schemas/agencies.schema.json', () => {
    const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
    const ok = validate(parse(readFileSync(DEFAULT_REGISTRY, 'utf8')));
    assert.ok(ok, JSON.stringify(validate.errors?.slice(0, 5)));
  });

  it('is what scripts/write-agencies.ts writes from the package, byte for byte', () => {
    const out = scratchDir('xxgk-agencies-');
    try {
      const target = join(out, 'agencies.yaml');
      const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/write-agencies.ts', '--out', target, '--existing', DEFAULT_REGISTRY], { cwd: ROOT, encoding: 'utf8' });
      assert.equal(run.status, 0, run.stderr);
      assert.ok(readFileSync(target).equals(readFileSync(DEFAULT_REGISTRY)), REGENERATE);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('holds the government of every province-, prefecture- and county-level division of the package', async () => {
    const pkg = await readPackageDivisions();
    const codes = new Set(registry.filter((a) => a.kind === 'government').map((a) => a.division));
    assert.equal(registry.filter((a) => a.level === 'province').length, 31, '31 provincial-level divisions of the mainland');
    for (const p of pkg.province.filter((p) => !['710000', '810000', '820000'].includes(p.code))) assert.ok(codes.has(p.code), p.name);
    for (const c of pkg.city.filter((c) => !c.name.includes('直辖'))) assert.ok(codes.has(c.code), c.name);
    const counties = pkg.area.filter((a) => a.name !== '市辖区' && !/^7\d$/.test(a.area) && /(?:区|县|市|旗)$/.test(a.name));
    const subdivided = new Set(pkg.town.map((t) => t.code));
    for (const a of counties.filter((a) => subdivided.has(a.code))) assert.ok(codes.has(a.code), `${a.code} ${a.name}`);
    assert.ok(registry.length > 3000, `${registry.length} bodies`);
  });

  it('names bodies as they sign, with parents up to the province', () => {
    assert.equal(byName('淮安市洪泽区人民政府').id, 'jiangsu-huaian-hongze');
    assert.deepEqual(byName('淮安市洪泽区人民政府').aliases, ['洪泽区人民政府', '洪泽县人民政府']);
    assert.equal(byName('淮安市人民政府').parent, byName('江苏省人民政府').id);
    assert.equal(byName('淮安市洪泽区人民政府').parent, byName('淮安市人民政府').id);
    assert.equal(byName('北京市东城区人民政府').parent, byName('北京市人民政府').id);
    assert.equal(byName('沭阳县人民政府').level, 'county');
    assert.ok(byName('沭阳县人民政府').aliases.includes('沐阳县人民政府'));
    assert.equal(byName('阿克苏地区行政公署').level, 'city');
    const byId = new Map(registry.map((a) => [a.id, a]));
    for (const a of registry) {
      let top = a;
      for (let i = 0; top.parent !== undefined && i < 5; i++) top = byId.get(top.parent)!;
      assert.equal(top.level, 'province', `${a.id} reaches a province`);
      assert.ok(a.id.length <= 64);
    }
  });

  it('takes the department\'s division from the package: 聊城市自然资源和规划局 is in 聊城市', async () => {
    const pkg = await readPackageDivisions();
    const liaocheng = pkg.city.find((c) => c.name === '聊城市')!;
    const bureau = byName('聊城市自然资源和规划局');
    assert.equal(bureau.division, liaocheng.code);
    assert.equal(bureau.kind, 'department');
    assert.equal(bureau.level, 'city');
    assert.equal(bureau.parent, byName('聊城市人民政府').id);
  });

  it('folds the package\'s former divisions into their successors: 长泰县 → 漳州市长泰区', () => {
    assert.ok(byName('漳州市长泰区人民政府').aliases.includes('长泰县人民政府'));
    assert.ok(byName('横州市人民政府').aliases.includes('横县人民政府'));
    assert.equal(registry.filter((a) => a.name === '长泰县人民政府').length, 0);
    assert.equal(registry.filter((a) => a.name === '金门县人民政府').length, 0, 'omitted by the curated file');
  });
});

function problems(text: string, base: Agency[] = []): readonly string[] {
  try {
    parseRegistry(text, 'extra/agencies.yaml', base);
  } catch (err) {
    assert.ok(err instanceof ConfigError, String(err));
    assert.equal(err.file, 'extra/agencies.yaml');
    assert.ok(err.message.startsWith('extra/agencies.yaml: '));
    return err.problems;
  }
  assert.fail('expected a ConfigError');
}

const entry = (fields: string): string => `  - ${fields.trim().split('\n').map((l) => l.trim()).join('\n    ')}\n`;
const good = entry(`
  id: test-city
  name: 测试市人民政府
  division: "320800"
  level: city
  kind: government`);

describe('parseRegistry', () => {
  it('reads entries, an unquoted division and missing aliases', () => {
    const [a] = parseRegistry(`agencies:\n${good.replace('"320800"', '320800')}`, 'x.yaml');
    assert.deepEqual(a, { id: 'test-city', name: '测试市人民政府', aliases: [], division: '320800', level: 'city', kind: 'government' });
  });

  it('names the entry (index and id), the field and what was expected', () => {
    const text = `agencies:\n${good}${entry(`
      id: Bad_Id
      name: 坏
      division: "32080"
      level: town
      kind: government
      colour: red`)}${entry(`
      id: no-name
      division: "320800"
      level: city
      kind: government`)}`;
    const p = problems(text);
    assert.ok(p.some((m) => /^agencies\[1\] \(id Bad_Id\)\.id: expected an ASCII id/.test(m)), p.join('\n'));
    assert.ok(p.some((m) => /^agencies\[1\] \(id Bad_Id\)\.division: expected a six-digit GB\/T 2260 code/.test(m)), p.join('\n'));
    assert.ok(p.some((m) => /^agencies\[1\] \(id Bad_Id\)\.level: expected one of province, city, county, township/.test(m)), p.join('\n'));
    assert.ok(p.some((m) => /^agencies\[1\] \(id Bad_Id\)\.colour: unknown field/.test(m)), p.join('\n'));
    assert.ok(p.some((m) => /^agencies\[2\] \(id no-name\)\.name: required/.test(m)), p.join('\n'));
  });

  it('finds duplicate ids, missing parents, cycles and aliases that name another body', () => {
    const text = `agencies:\n${good}${entry(`
      id: test-city
      name: 另一市人民政府
      division: "320900"
      level: city
      kind: government`)}${entry(`
      id: orphan
      name: 某局
      division: "320800"
      level: city
      kind: department
      parent: nowhere`)}${entry(`
      id: a
      name: 甲县人民政府
      aliases: [测试市人民政府]
      division: "320801"
      level: county
      kind: government
      parent: b`)}${entry(`
      id: b
      name: 乙县人民政府
      division: "320802"
      level: county
      kind: government
      parent: a`)}`;
    const p = problems(text);
    assert.ok(p.includes('agencies[1] (id test-city): id test-city is already used by agencies[0]'), p.join('\n'));
    assert.ok(p.includes('agencies[2] (id orphan).parent: nowhere is not the id of any entry'), p.join('\n'));
    assert.ok(p.some((m) => m.startsWith('agencies[3] (id a).parent: the parents form a cycle (a → b → a)')), p.join('\n'));
    assert.ok(p.some((m) => m.startsWith('agencies[3] (id a).aliases: 测试市人民政府 is the official name of test-city')), p.join('\n'));
  });

  it('checks an extra file against the registry read before it', () => {
    const base = parseRegistry(`agencies:\n${good}`, 'agencies.yaml');
    const dept = entry(`
      id: test-city-jyj
      name: 测试市教育局
      division: "320800"
      level: city
      kind: department
      parent: test-city`);
    assert.equal(parseRegistry(`agencies:\n${dept}`, 'extra.yaml', base).length, 1);
    assert.deepEqual(problems(`agencies:\n${good}`, base), ['agencies[0] (id test-city): id test-city is already used by an earlier registry file']);
  });

  it('reports YAML and shape errors', () => {
    assert.match(problems('agencies: [')[0]!, /^YAML: /);
    assert.match(problems('- id: x')[0]!, /^\(top level\): expected a mapping/);
    assert.deepEqual(problems('bodies: []'), ['(top level).agencies: required', '(top level).bodies: unknown field (expected agencies)']);
  });
});
