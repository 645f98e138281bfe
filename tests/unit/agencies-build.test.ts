/** Generating the registry: names and ids from the package, curated facts, and ids kept from one run to the next. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readPackageDivisions } from '../../pipeline/adapters/registry.ts';
import { buildRegistry } from '../../pipeline/agencies/build-registry.ts';
import { parseCurated } from '../../pipeline/agencies/curated.ts';
import { divisionsFromPackage } from '../../pipeline/agencies/divisions.ts';
import { placeCore } from '../../pipeline/agencies/naming.ts';
import { parseRegistry } from '../../pipeline/agencies/registry.ts';
import { registryYaml } from '../../pipeline/agencies/to-yaml.ts';
import { ConfigError } from '../../pipeline/errors.ts';
import type { Agency } from '../../pipeline/model/agency.ts';

const pkg = await readPackageDivisions();
const all = divisionsFromPackage(pkg);
const inProvince = (prefix: string) => all.filter((d) => d.code.startsWith(prefix));
const jiangsu = inProvince('32');
const curated = (text: string) => parseCurated(text, 'scripts/agencies-curated.yaml');
const NONE = curated('bodies: []');
const named = (agencies: readonly Agency[], name: string): Agency => {
  const found = agencies.filter((a) => a.name === name);
  assert.equal(found.length, 1, name);
  return found[0]!;
};

describe('divisions and names from the package', () => {
  it('keeps the mainland, drops placeholders and development zones, marks former divisions', () => {
    assert.equal(all.filter((d) => d.level === 'province').length, 31);
    assert.ok(!all.some((d) => d.name === '市辖区' || d.name.includes('直辖') || d.name.endsWith('开发区')));
    const changtai = all.find((d) => d.name === '长泰县')!;
    assert.equal(changtai.former, true);
    assert.equal(all.find((d) => d.key === changtai.successor)?.name, '长泰区');
    const xiacheng = all.find((d) => d.name === '下城区')!;
    assert.equal(xiacheng.former, true, 'abolished in 2021');
    assert.equal(xiacheng.successor, undefined, 'no division carries on its name');
    const jiyuan = all.find((d) => d.name === '济源市')!;
    assert.equal(all.find((d) => d.key === jiyuan.parent)?.name, '河南省', 'a provincially administered county hangs under the province');
  });

  it('gives townships their names without the county in front', () => {
    const towns = divisionsFromPackage(pkg, { townships: true }).filter((d) => d.level === 'township');
    assert.ok(towns.length > 30000);
    assert.ok(towns.some((d) => d.name === '党集镇' && d.code.startsWith('3717')), '成武县党集镇 → 党集镇');
    assert.ok(!towns.some((d) => d.name.startsWith('成武县')));
  });

  it('takes the generic part off place names for ids', () => {
    assert.deepEqual(placeCore('淮安市'), { core: '淮安', generic: '市' });
    assert.deepEqual(placeCore('延边朝鲜族自治州'), { core: '延边', generic: '自治州' });
    assert.deepEqual(placeCore('新疆维吾尔自治区'), { core: '新疆', generic: '自治区' });
    assert.deepEqual(placeCore('湘西土家族苗族自治州'), { core: '湘西', generic: '自治州' });
    assert.deepEqual(placeCore('津市市'), { core: '津市', generic: '市' });
    assert.deepEqual(placeCore('阿克苏地区'), { core: '阿克苏', generic: '地区' });
  });
});

describe('buildRegistry', () => {
  it('names governments by the rule and gives them path ids', () => {
    const r = buildRegistry({ divisions: jiangsu, curated: NONE, existing: [] });
    assert.equal(named(r, '江苏省人民政府').id, 'jiangsu');
    assert.equal(named(r, '淮安市人民政府').id, 'jiangsu-huaian');
    const hongze = named(r, '淮安市洪泽区人民政府');
    assert.deepEqual([hongze.id, hongze.parent, hongze.aliases], ['jiangsu-huaian-hongze', 'jiangsu-huaian', ['洪泽区人民政府']]);
    assert.equal(named(r, '沭阳县人民政府').aliases.length, 0, 'a county signs with its own name');
    assert.equal(named(r, '昆山市人民政府').parent, 'jiangsu-suzhou');
    assert.equal(r.filter((a) => a.name === '鼓楼区人民政府').length, 0, 'districts sign with their city in front');
    assert.equal(new Set(r.map((a) => a.id)).size, r.length);
  });

  it('adds curated departments, names and codes, and omits what it is told to', () => {
    const r = buildRegistry({
      divisions: jiangsu,
      existing: [],
      curated: curated(`
bodies:
  - name: 淮安市洪泽区教育局
    government: 淮安市洪泽区人民政府
  - name: 沭阳县人民政府
    aliases: [沐阳县人民政府]
    uscc: 11321322014111111X
omit: [昆山市人民政府]
`),
    });
    const bureau = named(r, '淮安市洪泽区教育局');
    assert.deepEqual(bureau, { id: 'jiangsu-huaian-hongze-jyj', name: '淮安市洪泽区教育局', aliases: [], division: '320813', level: 'county', kind: 'department', parent: 'jiangsu-huaian-hongze' });
    assert.deepEqual(named(r, '沭阳县人民政府').aliases, ['沐阳县人民政府']);
    assert.equal(named(r, '沭阳县人民政府').uscc, '11321322014111111X');
    assert.equal(r.filter((a) => a.name === '昆山市人民政府').length, 0);
  });

  it('says which curated entry names nothing, naming the file', () => {
    try {
      buildRegistry({ divisions: jiangsu, existing: [], curated: curated('bodies:\n  - name: 不存在县人民政府\n  - name: 某局\n    government: 不存在市人民政府\nomit: [无名县人民政府]\n') });
      assert.fail('expected a ConfigError');
    } catch (err) {
      assert.ok(err instanceof ConfigError);
      assert.equal(err.file, 'scripts/agencies-curated.yaml');
      assert.match(err.problems.join('\n'), /bodies\[0\] \(不存在县人民政府\): no generated body is named 不存在县人民政府/);
      assert.match(err.problems.join('\n'), /bodies\[1\] \(某局\)\.government: expected the official name of one people's government in the registry, found 0/);
      assert.match(err.problems.join('\n'), /omit: no generated government is named 无名县人民政府/);
    }
    assert.throws(() => curated('bodies:\n  - name: 某局\n    colour: red\n    uscc: short\n'), (err: unknown) => {
      assert.ok(err instanceof ConfigError);
      assert.deepEqual(err.problems, ['bodies[0] (某局).colour: unknown field (expected name, government, aliases, uscc)', 'bodies[0] (某局).uscc: expected an 18-character unified social credit code']);
      return true;
    });
  });

  it('keeps every id and every name of the existing registry, and never hands out a kept id again', () => {
    const first = buildRegistry({ divisions: jiangsu, curated: NONE, existing: [] });
    const hongze = named(first, '淮安市洪泽区人民政府');
    const huaiyin = named(first, '淮安市淮阴区人民政府');
    // An older registry: 洪泽 under another id and name, 淮阴's id taken by a body added by hand, an abolished body.
    const existing: Agency[] = first
      .filter((a) => a !== hongze && a !== huaiyin)
      .concat([
        { ...hongze, id: 'huaian-hongze-gov', name: '洪泽县人民政府', aliases: ['洪泽县政府'] },
        { id: huaiyin.id, name: '淮安市某某管理委员会', aliases: [], division: '320800', level: 'city', kind: 'department', parent: 'jiangsu-huaian' },
        { id: 'jiangsu-huaian-old', name: '旧区人民政府', aliases: [], division: '320899', level: 'county', kind: 'government', parent: 'jiangsu-huaian' },
      ]);
    const next = buildRegistry({ divisions: jiangsu, curated: NONE, existing });
    const renamed = named(next, '淮安市洪泽区人民政府');
    assert.equal(renamed.id, 'huaian-hongze-gov', 'the body keeps its id');
    assert.deepEqual(renamed.aliases, ['洪泽区人民政府', '洪泽县人民政府', '洪泽县政府'], 'and its former names');
    assert.deepEqual(named(next, '淮安市某某管理委员会').id, huaiyin.id, 'an entry added by hand is kept');
    assert.notEqual(named(next, '淮安市淮阴区人民政府').id, huaiyin.id, 'a kept id is not handed out again');
    assert.ok(named(next, '旧区人民政府'), 'an entry nothing generates any more is kept');
    assert.equal(new Set(next.map((a) => a.id)).size, next.length);
    for (const a of first.filter((a) => a !== hongze && a !== huaiyin)) assert.equal(named(next, a.name).id, a.id);
  });

  it('writes YAML that reads back as the same registry, the same way every time', () => {
    const r = buildRegistry({ divisions: inProvince('37'), curated: curated('bodies:\n  - name: 聊城市自然资源和规划局\n    government: 聊城市人民政府\n'), existing: [] });
    const text = registryYaml(r, ['a header']);
    assert.ok(text.startsWith('# a header\nagencies:\n  - id: shandong\n'));
    assert.deepEqual(parseRegistry(text, 'x.yaml'), r);
    assert.equal(registryYaml(buildRegistry({ divisions: inProvince('37'), curated: curated('bodies:\n  - name: 聊城市自然资源和规划局\n    government: 聊城市人民政府\n'), existing: parseRegistry(text, 'x.yaml') }), ['a header']), text);
    assert.equal(named(r, '聊城市自然资源和规划局').id, 'shandong-liaocheng-zrzyhghj');
  });
});
