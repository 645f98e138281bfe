/**
 * The CLI bench's input: N synthetic reports written to a folder, one file each, the renderings taken round-robin
 * (report i in rendering i mod the number of renderings). Every report is a distinct body and year: report i is
 * year 2019 + i mod 7 of body ⌊i / 7⌋, so the folder holds seven-year series (each year carries the last year's
 * pending requests and regulations in force forward, as a real series does) and no two files are renderings of one
 * report. Deterministic: the same count and renderings give the same bytes.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { num } from '../pipeline/synth/check.ts';
import { generate } from '../pipeline/synth/generate.ts';
import { FILE_NAMES, renderBytes, type SynthRendering } from '../pipeline/synth/index.ts';
import type { CompactReport } from '../pipeline/synth/types.ts';

export const FIRST_YEAR = 2019;
export const YEARS = 7;

/** Invented place syllables (no real place is named; the agency registry resolves none of them). */
const SYLLABLES = [...'青禾澜川云湖白溪南岚北嶂鹤汀砚霁晴湾石湄枫林'];
const DEPARTMENTS = [
  '人民政府', '发展和改革委员会', '教育局', '公安局', '民政局', '司法局', '财政局', '人力资源和社会保障局',
  '自然资源和规划局', '生态环境局', '住房和城乡建设局', '交通运输局', '水利局', '农业农村局', '商务局',
  '卫生健康委员会', '应急管理局', '市场监督管理局', '医疗保障局', '城市管理局',
];

/** The n-th two-syllable place name (n < 22 × 21): two different syllables. */
function place(n: number): string {
  const first = n % SYLLABLES.length;
  const second = (first + 1 + Math.floor(n / SYLLABLES.length)) % SYLLABLES.length;
  return SYLLABLES[first]! + SYLLABLES[second]!;
}

const PLACES = SYLLABLES.length * (SYLLABLES.length - 1);

/** Body k's name: a city body for the first 9,240, then bodies of the cities' districts (青禾市澜川区教育局). */
export function bodyName(k: number): string {
  const city = `${place(k % PLACES)}市`;
  const rest = Math.floor(k / PLACES);
  const department = DEPARTMENTS[rest % DEPARTMENTS.length]!;
  const district = Math.floor(rest / DEPARTMENTS.length);
  return district === 0 ? city + department : `${city}${place((district - 1) % PLACES)}区${department}`;
}

/** Report i's relative path: a folder per year, the rendering in the file name. */
export function corpusPath(i: number, rendering: SynthRendering): string {
  return `${FIRST_YEAR + (i % YEARS)}/${String(i).padStart(6, '0')}-${FILE_NAMES[rendering]}`;
}

export interface Corpus {
  files: Array<{ path: string; rendering: SynthRendering }>;
  bytes: number;
}

/** What the next year of a series takes from this one (as generatePair does). */
function carried(v: CompactReport) {
  const cf = v.tables.applications.carried_forward ?? {};
  const carriedOver = Object.fromEntries(Object.keys(cf).filter((c) => c !== 'total').map((c) => [c, num(v.tables.applications, 'carried_forward', c)]));
  const inForce = (row: string): number => num(v.tables.proactive, row, 'in_force');
  return {
    carriedOver,
    previousInForce: v.edition === '2021' ? { regulations: inForce('regulations'), normative_documents: inForce('normative_documents') } : undefined,
  };
}

/**
 * Write the corpus into dir, or reuse it when dir already holds this very corpus (a stamp file, hidden: readers skip
 * dot files). `progress` is called every 500 reports.
 */
export async function writeCorpus(dir: string, count: number, renderings: readonly SynthRendering[], progress?: (done: number) => void): Promise<Corpus & { reused: boolean }> {
  const stamp = join(dir, '.xxgk-bench-corpus.json');
  const key = JSON.stringify({ count, renderings });
  const files = Array.from({ length: count }, (_, i) => {
    const rendering = renderings[i % renderings.length]!;
    return { path: corpusPath(i, rendering), rendering };
  });
  const previous = await readFile(stamp, 'utf8').catch(() => null);
  if (previous !== null && JSON.parse(previous).key === key) return { files, bytes: JSON.parse(previous).bytes, reused: true };
  let bytes = 0;
  let last: CompactReport | undefined;
  for (let y = 0; y < YEARS; y++) await mkdir(join(dir, String(FIRST_YEAR + y)), { recursive: true });
  for (let i = 0; i < count; i++) {
    const year = FIRST_YEAR + (i % YEARS);
    const series = i % YEARS > 0 && last ? carried(last) : {};
    const { values, narrative } = generate(i, { year, agency: bodyName(Math.floor(i / YEARS)), ...series });
    const data = await renderBytes(files[i]!.rendering, values, { narrative, seed: i });
    await writeFile(join(dir, files[i]!.path), data);
    bytes += data.length;
    last = values;
    if ((i + 1) % 500 === 0) progress?.(i + 1);
  }
  await writeFile(stamp, JSON.stringify({ key, bytes }));
  return { files, bytes, reused: false };
}
