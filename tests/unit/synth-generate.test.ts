/**
 * The synthetic-report generator (pipeline/synth/generate.ts): deterministic, consistent by construction, and
 * planting exactly the errors it is asked for. The rules are computed here independently of pipeline/synth/check.ts.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { reportFromValues } from '../../pipeline/parse/from-values.ts';
import { APPLICATIONS, rowsOf } from '../../pipeline/model/template.ts';
import { editionOf, generate, generatePair, generateValues } from '../../pipeline/synth/generate.ts';
import { renderJson } from '../../pipeline/synth/render-structured.ts';
import type { CompactReport, CompactTable, PlantableRule } from '../../pipeline/synth/types.ts';
import { PLANTABLE_RULES } from '../../pipeline/synth/types.ts';
import { validate } from '../../pipeline/validate/index.ts';

const SIX = ['natural_person', 'commercial_enterprise', 'research_institution', 'social_welfare_org', 'legal_service_org', 'other_org'];
const SEVEN = [...SIX, 'total'];
const SUB = ['other.no_correction', 'other.fee_unpaid', 'other.other'];

const n = (t: CompactTable, row: string, col: string): number => {
  const v = t[row]?.[col];
  return typeof v === 'number' ? v : 0;
};

/** Every broken rule of a report, as "rule|row|column", computed from the template's own statement of the rules. */
function brokenRules(v: CompactReport): string[] {
  const a = v.tables.applications;
  const out: string[] = [];
  for (const c of SEVEN) {
    if (n(a, 'received', c) + n(a, 'carried_over', c) !== n(a, 'total', c) + n(a, 'carried_forward', c)) out.push(`applications.balance||${c}`);
  }
  for (const row of Object.keys(a)) {
    if (SIX.reduce((s, c) => s + n(a, row, c), 0) !== n(a, row, 'total')) out.push(`applications.row_total|${row}|total`);
  }
  const outcomes = rowsOf(APPLICATIONS, v.edition).map((r) => r.code)
    .filter((r) => /^(granted|partially_granted|denied\.|unavailable\.|not_processed\.)/.test(r));
  for (const c of SEVEN) {
    const other = a.other ? n(a, 'other', c) : SUB.reduce((s, r) => s + n(a, r, c), 0);
    if (outcomes.reduce((s, r) => s + n(a, r, c), 0) + other !== n(a, 'total', c)) out.push(`applications.outcome_total|total|${c}`);
    if (v.edition === '2021' && a.other && a['other.no_correction'] && SUB.reduce((s, r) => s + n(a, r, c), 0) !== n(a, 'other', c)) {
      out.push(`applications.other_subtotal|other|${c}`);
    }
  }
  for (const [row, cells] of Object.entries(v.tables.appeals)) {
    const parts = ['upheld', 'corrected', 'other', 'pending'].reduce((s, c) => s + n(v.tables.appeals, row, c), 0);
    if (parts !== n(v.tables.appeals, row, 'total') || cells.total === undefined) out.push(`appeals.row_total|${row}|total`);
  }
  return out.sort();
}

test('same seed, same report; different seeds, different reports', () => {
  for (const seed of [0, 1, 42, 2024, 99999]) {
    assert.deepEqual(generate(seed), generate(seed));
    assert.equal(JSON.stringify(generateValues(seed)), JSON.stringify(generateValues(seed)));
  }
  assert.notDeepEqual(generateValues(1), generateValues(2));
});

test('years 2019–2025 with the matching edition; options are obeyed', () => {
  const years = new Set<number>();
  for (let seed = 0; seed < 300; seed++) {
    const v = generateValues(seed);
    years.add(v.year);
    assert.equal(v.edition, v.year <= 2020 ? '2019' : '2021', `seed ${seed}`);
    assert.equal(v.edition, editionOf(v.year));
  }
  assert.deepEqual([...years].sort(), [2019, 2020, 2021, 2022, 2023, 2024, 2025]);
  const v = generateValues(5, { year: 2022, agency: '某某市生态环境局' });
  assert.equal(v.year, 2022);
  assert.equal(v.edition, '2021');
  assert.equal(v.agency, '某某市生态环境局');
  assert.equal(generateValues(5, { edition: '2019' }).edition, '2019');
});

test('every consistency rule holds in 500 generated reports', () => {
  for (let seed = 0; seed < 500; seed++) {
    const v = generateValues(seed);
    assert.deepEqual(brokenRules(v), [], `seed ${seed}`);
    assert.ok(Object.values(v.tables.applications).every((r) => Object.values(r).every((x) => x === null || (Number.isInteger(x) && (x as number) >= 0))));
  }
});

test('generated reports are valid by the project validator (rows left out are its only warnings)', () => {
  for (let seed = 0; seed < 100; seed++) {
    const g = generate(seed);
    const result = validate(reportFromValues(JSON.parse(renderJson(g.values, { narrative: g.narrative }))));
    const dropped = generate(seed, { missingRows: 'none' }).values;
    const missing = (['proactive', 'applications'] as const).filter((t) => Object.keys(dropped.tables[t]).some((r) => !g.values.tables[t][r]));
    assert.deepEqual(result.issues.map((i) => `${i.rule} ${i.table ?? ''} ${i.row ?? ''} ${i.column ?? ''}`), missing.map((t) => `table.row_missing ${t}  `), `seed ${seed}`);
  }
});

test('some generated reports leave rows out (规章, （六）, 第二十条 blocks); the rest of their values are unchanged', () => {
  const seen: Record<string, number> = {};
  for (let seed = 0; seed < 200; seed++) {
    const v = generateValues(seed);
    const full = generateValues(seed, { missingRows: 'none' });
    const gone: string[] = [];
    for (const table of ['proactive', 'applications', 'appeals'] as const) {
      for (const [row, cells] of Object.entries(full.tables[table])) {
        if (v.tables[table][row]) assert.deepEqual(v.tables[table][row], cells, `seed ${seed} ${table}.${row}`);
        else gone.push(`${table}.${row}`);
      }
    }
    assert.deepEqual(generateValues(seed), v, 'deterministic');
    const kind = gone.length === 0 ? 'none' : gone.includes('proactive.regulations') ? 'regulations' : gone.some((r) => r.startsWith('applications.')) ? 'other' : 'blocks';
    seen[kind] = (seen[kind] ?? 0) + 1;
    if (kind === 'other') {
      for (const row of gone) for (const x of Object.values(full.tables.applications[row.slice('applications.'.length)]!)) assert.ok(x === 0 || x === null || x === '-', 'only an all-zero （六） is left out');
    }
  }
  for (const kind of ['none', 'regulations', 'other', 'blocks']) assert.ok((seen[kind] ?? 0) > 0, `no report with ${kind} in 200`);
  assert.ok(seen.none! > 150, 'most reports print every row');
});

test('the corpus varies like real reports: zeros, blanks, "-", signed changes, money with decimals, other layouts', () => {
  const seen = { zero: 0, blank: 0, dash: 0, negative: 0, decimals: 0, single: 0, subRows: 0, emptyBody: 0 };
  for (let seed = 0; seed < 300; seed++) {
    const v = generateValues(seed);
    for (const t of Object.values(v.tables)) {
      for (const cells of Object.values(t)) {
        for (const x of Object.values(cells)) {
          if (x === 0) seen.zero++;
          if (x === null) seen.blank++;
          if (x === '-') seen.dash++;
          if (typeof x === 'number' && x < 0) seen.negative++;
          if (typeof x === 'number' && !Number.isInteger(x)) seen.decimals++;
        }
      }
    }
    if (v.edition === '2021') v.tables.applications['other.no_correction'] ? seen.subRows++ : seen.single++;
    if (n(v.tables.applications, 'received', 'total') === 0) seen.emptyBody++;
  }
  for (const [k, count] of Object.entries(seen)) assert.ok(count > 0, `no ${k} in 300 reports`);
});

test('the narrative states the tables’ figures', () => {
  for (let seed = 0; seed < 50; seed++) {
    const { values: v, narrative } = generate(seed);
    const a = v.tables.applications;
    const p = v.tables.appeals;
    assert.deepEqual(narrative, {
      received: n(a, 'received', 'total'),
      handled: n(a, 'total', 'total'),
      granted: n(a, 'granted', 'total'),
      partially_granted: n(a, 'partially_granted', 'total'),
      reconsideration: n(p, 'reconsideration', 'total'),
      litigation: n(p, 'litigation_direct', 'total') + n(p, 'litigation_after_reconsideration', 'total'),
    });
  }
});

test('each planted error breaks its rule where recorded, and nothing else', () => {
  for (const rule of PLANTABLE_RULES) {
    for (const seed of [3, 17, 256]) {
      const edition = rule === 'applications.other_subtotal' ? '2021' : undefined;
      const g = generate(seed, { edition, errors: [{ rule }] });
      const [planted] = g.planted;
      assert.ok(planted && planted.changed.length > 0, `${rule} seed ${seed}: nothing changed`);
      if (rule.startsWith('narrative.')) {
        assert.deepEqual(brokenRules(g.values), []);
        const key = rule.slice('narrative.'.length) as keyof typeof g.narrative;
        assert.notEqual(g.narrative[key], planted.findings[0]!.expected);
      } else {
        const broken = brokenRules(g.values);
        assert.ok(broken.length > 0 && broken.every((b) => b.startsWith(`${rule}|`)), `${rule} seed ${seed}: ${broken.join(', ')}`);
        assert.deepEqual(planted.findings.map((f) => `${f.rule}|${f.row ?? ''}|${f.column ?? ''}`).sort(), broken);
      }
    }
  }
});

test('the validator finds exactly what was planted', () => {
  for (let seed = 0; seed < 60; seed++) {
    const rule: PlantableRule = PLANTABLE_RULES[seed % PLANTABLE_RULES.length]!;
    const g = generate(seed, { edition: rule === 'applications.other_subtotal' ? '2021' : undefined, errors: [{ rule }] });
    const result = validate(reportFromValues(JSON.parse(renderJson(g.values, { narrative: g.narrative }))));
    const found = result.issues.map((i) => `${i.rule}|${i.row ?? ''}|${i.column ?? ''}`).sort();
    const planted = g.planted.flatMap((p) => p.findings.map((f) => `${f.rule}|${f.row ?? ''}|${f.column ?? ''}`)).sort();
    assert.deepEqual(found, planted, `seed ${seed}, ${rule}`);
  }
});

test('several errors at once, each with its own findings', () => {
  const g = generate(11, { edition: '2021', errors: [{ rule: 'applications.balance', column: 'natural_person', delta: 2 }, { rule: 'appeals.row_total', row: 'litigation_direct' }] });
  assert.equal(g.planted.length, 2);
  assert.deepEqual(g.planted[0]!.findings.map((f) => f.column), ['natural_person', 'total']);
  assert.deepEqual(g.planted[1]!.findings.map((f) => `${f.row}.${f.column}`), ['litigation_direct.total']);
  assert.throws(() => generate(11, { edition: '2019', errors: [{ rule: 'applications.other_subtotal' }] }), /other_subtotal/);
});

test('a consecutive pair carries over: carried_over(N) = carried_forward(N-1), in_force(N) = in_force(N-1) + issued − repealed', () => {
  for (const seed of [1, 7, 1202]) {
    const [first, second] = generatePair(seed, { year: 2022 });
    const a = first.values;
    const b = second.values;
    assert.equal(b.agency, a.agency);
    assert.equal(b.year, a.year + 1);
    for (const c of SEVEN) assert.equal(n(b.tables.applications, 'carried_over', c), n(a.tables.applications, 'carried_forward', c), c);
    for (const row of ['regulations', 'normative_documents']) {
      const p = b.tables.proactive;
      assert.equal(n(p, row, 'in_force'), n(a.tables.proactive, row, 'in_force') + n(p, row, 'issued') - n(p, row, 'repealed'), row);
    }
    assert.deepEqual(brokenRules(b), []);
  }
});
