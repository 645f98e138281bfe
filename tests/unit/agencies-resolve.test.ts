/**
 * Resolving printed names: the real names (2023 洪泽区人民政府 and 2024 淮安市洪泽区人民政府 are one body), then
 * variants generated over every body of agencies.yaml from the package's own place names — region prefix added or
 * stripped, 政府 for 人民政府, spaces and full-width spaces — and every name the package repeats (鼓楼区, 市中区,
 * 城关镇), which must be ambiguous with exactly the right candidates. Edit distance only ever suggests.
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadRegistry, readPackageDivisions } from '../../pipeline/adapters/registry.ts';
import { divisionsFromPackage } from '../../pipeline/agencies/divisions.ts';
import { governmentsFromDivisions } from '../../pipeline/agencies/from-divisions.ts';
import { createResolver, type Resolution } from '../../pipeline/agencies/resolve.ts';
import type { Agency } from '../../pipeline/model/agency.ts';
import { SHARED, sharedJson, skipWithoutShared } from '../helpers/shared.ts';

const registry = await loadRegistry();
const resolver = createResolver(registry);
const pkg = await readPackageDivisions();
const named = (name: string): Agency => registry.find((a) => a.name === name)!;

function resolvedId(r: Resolution): string {
  assert.equal(r.status, 'resolved', JSON.stringify(r).slice(0, 300));
  return (r as Extract<Resolution, { status: 'resolved' }>).agency.id;
}
const ids = (agencies: readonly Agency[]): string[] => agencies.map((a) => a.id).sort();

describe('the names real reports print', () => {
  it('洪泽区人民政府 (2023) and 淮安市洪泽区人民政府 (2024) are one body; 淮安市人民政府; 聊城市自然资源和规划局', () => {
    const hongze = named('淮安市洪泽区人民政府').id;
    assert.deepEqual(resolver.resolve('洪泽区人民政府'), { status: 'resolved', agency: named('淮安市洪泽区人民政府'), by: 'alias' });
    assert.deepEqual(resolver.resolve('淮安市洪泽区人民政府'), { status: 'resolved', agency: named('淮安市洪泽区人民政府'), by: 'exact' });
    assert.equal(resolvedId(resolver.resolve('江苏省淮安市洪泽区人民政府')), hongze);
    assert.equal(resolvedId(resolver.resolve('淮安市人民政府')), named('淮安市人民政府').id);
    assert.equal(resolvedId(resolver.resolve('聊城市自然资源和规划局')), named('聊城市自然资源和规划局').id);
    assert.equal(resolvedId(resolver.resolve('山东省聊城市自然资源和规划局')), named('聊城市自然资源和规划局').id);
    assert.equal(resolvedId(resolver.resolve('自然资源和规划局', { division: '371500' })), named('聊城市自然资源和规划局').id, 'the hint puts its place in front');
  });

  it('resolves every agency of ../shared/corpus/expected, the two 洪泽 years to one id', async (t) => {
    if (skipWithoutShared('agency names of the real reports')) return t.skip('../shared is absent');
    const truth: Record<string, string> = {
      '2020_liaocheng-zrzyghj': named('聊城市自然资源和规划局').id,
      '2023_huaian-hongze-district-gov': named('淮安市洪泽区人民政府').id,
      '2024_huaian-hongze-district-gov': named('淮安市洪泽区人民政府').id,
      '2024_huaian-city-gov': named('淮安市人民政府').id,
    };
    const files = readdirSync(join(SHARED, 'corpus/expected')).filter((f) => f.endsWith('.json'));
    assert.ok(files.length >= 4);
    for (const file of files) {
      const { agency } = await sharedJson<{ agency: string }>('corpus', 'expected', file);
      const expected = truth[file.replace(/\.json$/, '')];
      assert.ok(expected, `a truth for ${file}`);
      assert.equal(resolvedId(resolver.resolve(agency)), expected, `${file}: ${agency}`);
    }
  });

  it('an OCR slip resolves through its alias only: without it, 沐阳县人民政府 is unknown, close to 沭阳县', () => {
    const shuyang = named('沭阳县人民政府');
    assert.deepEqual(resolver.resolve('沐阳县人民政府'), { status: 'resolved', agency: shuyang, by: 'alias' });
    const without = createResolver(registry.map((a) => (a === shuyang ? { ...a, aliases: [] } : a)));
    for (const printed of ['宿迁市沐阳县人民政府', '江苏省宿迁市沐阳县政府']) {
      const r = without.resolve(printed);
      assert.equal(r.status, 'unknown', printed);
      assert.ok(r.candidates.some((c) => c.id === shuyang.id), `${printed}: 沭阳县 suggested`);
    }
    // Alone, one slip in a two-character place leaves every X阳县 as close as 沭阳县: candidates, never a choice.
    const bare = without.resolve('沐阳县人民政府');
    assert.equal(bare.status, 'unknown');
    assert.ok(bare.candidates.length > 0 && bare.candidates.every((c) => /^.阳县人民政府$/.test(c.name)), bare.candidates.map((c) => c.name).join(' '));
  });
});

/** The package's place names above and at a county-level code: [province, city?, county]. */
function placeChain(code: string): string[] {
  const province = pkg.province.find((p) => p.code === `${code.slice(0, 2)}0000`)!.name;
  const city = pkg.city.find((c) => c.code === `${code.slice(0, 4)}00` && !c.name.includes('直辖'))?.name;
  const own = pkg.area.find((a) => a.code === code)?.name ?? city ?? province;
  return [...new Set([province, ...(city ? [city] : []), own])];
}

describe('variants of every body in agencies.yaml', () => {
  const governments = registry.filter((a) => a.kind === 'government' && a.name.endsWith('人民政府'));

  it('the official name of every body resolves exactly to it', () => {
    for (const a of registry) assert.deepEqual(resolver.resolve(a.name), { status: 'resolved', agency: a, by: 'exact' }, a.name);
  });

  it('the full region prefix added, 政府 for 人民政府, spaces and full-width spaces: the same body', () => {
    let checked = 0;
    for (const a of governments) {
      const chain = placeChain(a.division);
      const full = `${chain.join('')}人民政府`;
      const spaced = [...a.name].join(checked % 2 ? ' ' : '\u3000');
      for (const printed of [full, full.replace('人民政府', '政府'), a.name.replace('人民政府', '政府'), spaced, ` ${a.name}\u3000`, `${a.name.slice(0, 2)}（${a.name.slice(2)}）`]) {
        assert.equal(resolvedId(resolver.resolve(printed)), a.id, `${printed} → ${a.name}`);
      }
      checked++;
    }
    assert.ok(checked > 3000, `${checked} governments`);
  });

  it('the region prefix stripped: the body when its name is unique, else ambiguous with exactly the bodies of that name', () => {
    const current = new Map(governments.filter((a) => a.level === 'county').map((a) => [a.division, a]));
    const byName = new Map<string, Agency[]>();
    for (const area of pkg.area) {
      const body = current.get(area.code);
      if (body) byName.set(area.name, [...(byName.get(area.name) ?? []), body]);
    }
    const repeated = [...byName].filter(([, bodies]) => bodies.length > 1);
    assert.ok(repeated.length >= 25, `${repeated.length} repeated county-level names`);
    assert.ok(repeated.some(([n]) => n === '鼓楼区') && repeated.some(([n]) => n === '市中区'));
    for (const [name, bodies] of byName) {
      for (const printed of [`${name}人民政府`, `${name}政府`]) {
        const r = resolver.resolve(printed);
        if (bodies.length === 1) assert.equal(resolvedId(r), bodies[0]!.id, printed);
        else {
          assert.equal(r.status, 'ambiguous', printed);
          assert.deepEqual(ids((r as { candidates: Agency[] }).candidates), ids(bodies), printed);
          // The province or the city in front, or the division as a hint, tells them apart.
          for (const body of bodies) {
            const chain = placeChain(body.division);
            assert.equal(resolvedId(resolver.resolve(printed, { division: body.division })), body.id);
            assert.equal(resolvedId(resolver.resolve(`${chain[chain.length - 2]}${printed}`)), body.id, `${chain.join('')} ${printed}`);
          }
        }
      }
    }
    const gulou = resolver.resolve('鼓楼区人民政府', { division: '320000' });
    assert.equal(gulou.status, 'ambiguous');
    assert.deepEqual(ids((gulou as { candidates: Agency[] }).candidates), [named('南京市鼓楼区人民政府').id, named('徐州市鼓楼区人民政府').id].sort(), 'a province narrows to its two');
    const elsewhere = resolver.resolve('鼓楼区人民政府', { division: '110000' });
    assert.equal((elsewhere as { candidates: Agency[] }).candidates.length, 4, 'a hint that fits none leaves all four');
    assert.equal(resolvedId(resolver.resolve('淮安市人民政府', { division: '110000' })), named('淮安市人民政府').id, 'a hint never overrides a name that fits one body');
  });

  it('townships: every repeated name (城关镇, 太平镇, 东城街道…) is ambiguous with exactly its bodies, and the county tells them apart', () => {
    const divisions = divisionsFromPackage(pkg, { townships: true });
    const withTowns = governmentsFromDivisions(divisions);
    const towns = createResolver(withTowns);
    const byName = new Map<string, Agency[]>();
    for (const a of withTowns.filter((a) => a.level === 'township')) byName.set(a.name, [...(byName.get(a.name) ?? []), a]);
    const chengguan = byName.get('城关镇人民政府') ?? [];
    assert.ok(chengguan.length > 50, `${chengguan.length} 城关镇`);
    let repeated = 0;
    for (const [name, bodies] of byName) {
      const r = towns.resolve(name);
      if (bodies.length === 1) {
        assert.equal(resolvedId(r), bodies[0]!.id, name);
        continue;
      }
      repeated++;
      assert.equal(r.status, 'ambiguous', name);
      assert.deepEqual(ids((r as { candidates: Agency[] }).candidates), ids(bodies), name);
      for (const body of bodies) {
        const inCounty = bodies.filter((b) => b.division === body.division);
        const hinted = towns.resolve(name, { division: body.division });
        if (inCounty.length === 1) assert.equal(resolvedId(hinted), body.id, `${name} in ${body.division}`);
        else assert.deepEqual(ids((hinted as { candidates: Agency[] }).candidates), ids(inCounty));
      }
    }
    assert.ok(repeated > 1000, `${repeated} repeated township names`);
  });
});

describe('unknown names', () => {
  it('get close matches as candidates, never a resolution', () => {
    const hongze = named('淮安市洪泽区人民政府');
    for (const printed of ['淮安市洪泽区', '洪泽政府', '淮安市洪泽区人民政付']) {
      const r = resolver.resolve(printed);
      assert.equal(r.status, 'unknown', printed);
      assert.ok((r as { candidates: Agency[] }).candidates.some((c) => c.id === hongze.id), `${printed}: 洪泽区 suggested`);
    }
    for (const printed of ['北原省人民政府', '人民政府', '', '青禾市生态环境局', '自然资源和规划局']) {
      const r = resolver.resolve(printed);
      assert.equal(r.status, 'unknown', printed);
    }
    assert.deepEqual(resolver.resolve('北原省人民政府'), { status: 'unknown', candidates: [] }, 'a different place is not close');
  });
});
