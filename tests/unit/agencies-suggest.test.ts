/** Proposing registry entries for names that do not resolve, and printing them as a registry file. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadDivisions, loadRegistry } from '../../pipeline/adapters/registry.ts';
import { parseRegistry } from '../../pipeline/agencies/registry.ts';
import { createResolver, type Resolution } from '../../pipeline/agencies/resolve.ts';
import { suggestEntries, type Unresolved } from '../../pipeline/agencies/suggest.ts';
import { suggestionsYaml } from '../../pipeline/agencies/suggest-yaml.ts';
import type { Agency } from '../../pipeline/model/agency.ts';

const registry = await loadRegistry();
const divisions = await loadDivisions({ townships: true });
const resolver = createResolver(registry);
const named = (name: string): Agency => registry.find((a) => a.name === name)!;

function unresolved(...printed: string[]): Unresolved[] {
  return printed.map((p, i) => {
    const resolution = resolver.resolve(p);
    assert.notEqual(resolution.status, 'resolved', `${p} does not resolve`);
    return { printed: p, files: [`report-${i}.txt`], resolution: resolution as Exclude<Resolution, { status: 'resolved' }> };
  });
}

describe('suggestEntries', () => {
  const names = ['淮安市洪泽区高良涧街道办事处', '淮安市洪泽区教育局', '洪泽区 教育局', '鼓楼区教育局', '鼓楼区人民政府', '北原省人民政府', '淮安市洪泽区人民政付', '东城街道办事处'];
  const suggestions = suggestEntries(unresolved(...names), divisions, registry);
  const of = (printed: string) => suggestions.find((s) => s.printed === printed)!;

  it('a township government: its county\'s division and government, the level, an id by the scheme', () => {
    assert.deepEqual(of('淮安市洪泽区高良涧街道办事处').entry, {
      id: 'jiangsu-huaian-hongze-gaoliangjian',
      name: '淮安市洪泽区高良涧街道办事处',
      aliases: [],
      division: '320813',
      level: 'township',
      kind: 'government',
      parent: named('淮安市洪泽区人民政府').id,
    });
  });

  it('a department: its government\'s division and level; a second name of the same body is an alias', () => {
    const bureau = of('淮安市洪泽区教育局');
    assert.deepEqual(bureau.entry, {
      id: 'jiangsu-huaian-hongze-jyj',
      name: '淮安市洪泽区教育局',
      aliases: ['洪泽区教育局'],
      division: '320813',
      level: 'county',
      kind: 'department',
      parent: named('淮安市洪泽区人民政府').id,
    });
    assert.equal(of('洪泽区 教育局').entry, undefined);
    assert.equal(of('洪泽区 教育局').aliasOf, '淮安市洪泽区教育局');
  });

  it('no entry when the places fit several divisions, or none, or for a slip of a body in the registry', () => {
    const gulou = of('鼓楼区教育局');
    assert.equal(gulou.entry, undefined);
    assert.deepEqual(gulou.divisions.map((d) => d.code).sort(), ['320106', '320302', '350102', '410204']);
    const ambiguous = of('鼓楼区人民政府');
    assert.equal(ambiguous.status, 'ambiguous');
    assert.equal(ambiguous.entry, undefined);
    assert.equal(ambiguous.candidates.length, 4);
    assert.equal(of('北原省人民政府').entry, undefined);
    assert.deepEqual(of('北原省人民政府').divisions, []);
    const slip = of('淮安市洪泽区人民政付');
    assert.equal(slip.entry, undefined);
    assert.ok(slip.candidates.some((c) => c.id === named('淮安市洪泽区人民政府').id));
    assert.ok(of('东城街道办事处').divisions.length > 10, 'every 东城街道 of the package');
  });

  it('prints a registry file that reads beside agencies.yaml, with comments naming files and candidates', () => {
    const text = suggestionsYaml(suggestions);
    const added = parseRegistry(text, 'suggested.yaml', registry);
    assert.deepEqual(added.map((a) => a.id), ['jiangsu-huaian-hongze-gaoliangjian', 'jiangsu-huaian-hongze-jyj']);
    assert.match(text, /^# xxgk agencies suggest: 8 printed names the registry does not resolve \(7 unknown, 1 ambiguous\); 2 entries proposed\./);
    assert.match(text, /# 鼓楼区人民政府: ambiguous, printed in report-4\.txt\n\s+# places point to: 鼓楼区 \(320106, county\);/);
    assert.match(text, /#\s+jiangsu-nanjing-gulou 南京市鼓楼区人民政府 \(320106, county government\)/);
    assert.match(text, /# 淮安市洪泽区人民政付: unknown, printed in report-6\.txt\n(?:.*\n)*?\s+# close to:\n\s+#\s+jiangsu-huaian-hongze 淮安市洪泽区人民政府/);
    assert.match(text, /# 洪泽区 教育局: unknown, printed in report-2\.txt\n(?:.*\n)*?\s+# the same body as 淮安市洪泽区教育局/);
    const none = suggestionsYaml(suggestEntries(unresolved('鼓楼区人民政府'), divisions, registry));
    assert.deepEqual(parseRegistry(none, 'none.yaml', registry), []);
    assert.equal(suggestionsYaml([]).trimEnd().split('\n').pop(), 'agencies: []');
  });
});
