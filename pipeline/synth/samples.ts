/**
 * The sample files committed under samples/: synthetic reports in every rendering, and the real reports'
 * figures restated in the compact shape. Builds bytes only; scripts/write-samples.ts writes them.
 */
import { TABLE_IDS } from '../model/template.ts';
import { generate, generatePair, type GenerateOptions } from './generate.ts';
import { FILE_NAMES, renderBytes, type SynthRendering } from './index.ts';
import { renderJson, renderYaml } from './render-structured.ts';
import { sampleRegistryYaml } from './sample-registry.ts';
import type { CompactReport, CompactTable, Synthetic } from './types.ts';

export interface SampleFile {
  path: string;
  bytes: Uint8Array;
}

const ALL: SynthRendering[] = ['word-text', 'html', 'html-word', 'docx', 'pdf', 'pdftotext-layout', 'json', 'yaml'];

/** The synthetic sample reports: seeds and options, fixed. Change them and run `npm run samples`. */
export function syntheticReports(): Array<{ name: string; spec: string; report: Synthetic; extra: SynthRendering[] }> {
  const spec = (seed: number, o: GenerateOptions): string => JSON.stringify({ seed, ...o });
  const a: GenerateOptions = { year: 2019, scale: 'medium', blankStyle: 'blank-outcomes' };
  const b: GenerateOptions = { year: 2020, agency: '澜川市西岭区人民政府', scale: 'small' };
  const p: GenerateOptions & { year: number } = { year: 2022, agency: '青禾市生态环境局', scale: 'medium', blankStyle: 'zeros' };
  const c: GenerateOptions = { year: 2024, agency: '云湖市市场监督管理局', scale: 'large', otherRows: 'single' };
  const [p1, p2] = generatePair(1202, p);
  const out = [
    { seed: 1019, o: a, report: generate(1019, a), extra: ['word-text-gbk'] as SynthRendering[] },
    { seed: 1020, o: b, report: generate(1020, b), extra: [] },
    { seed: 1202, o: p, report: p1, extra: [] },
    { seed: 1203, o: { ...p, year: 2023, note: 'second of the pair generatePair(1202, …)' }, report: p2, extra: ['html-gbk'] as SynthRendering[] },
    { seed: 1024, o: c, report: generate(1024, c), extra: [] },
  ];
  return out.map(({ seed, o, report, extra }) => ({
    name: `${report.values.year}_${report.values.id!.replace(/-\d{4}$/, '')}`,
    spec: spec(seed, o),
    report,
    extra,
  }));
}

export async function buildSyntheticSamples(): Promise<SampleFile[]> {
  const files: SampleFile[] = [];
  const manifest: unknown[] = [];
  for (const { name, spec, report, extra } of syntheticReports()) {
    const renderings = [...ALL, ...extra];
    for (const r of renderings) {
      files.push({ path: `synthetic/${name}/${FILE_NAMES[r]}`, bytes: await renderBytes(r, report.values, { narrative: report.narrative }) });
    }
    manifest.push({
      dir: `synthetic/${name}`,
      generated: JSON.parse(spec),
      agency: report.values.agency,
      year: report.values.year,
      edition: report.values.edition,
      narrative: report.narrative,
      planted: report.planted,
      files: renderings.map((r) => ({ rendering: r, file: FILE_NAMES[r] })),
    });
  }
  files.push({ path: 'synthetic/manifest.json', bytes: new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`) });
  const names = syntheticReports().map((r) => r.report.values.agency);
  files.push({ path: 'synthetic/agencies.yaml', bytes: new TextEncoder().encode(sampleRegistryYaml(names)) });
  return files;
}

/** How each real report was published (the corpus' expected/<name>.json holds its figures). */
export const REAL_SOURCES: Record<string, string> = {
  '2020_liaocheng-zrzyghj':
    '聊城市自然资源和规划局《2020年政府信息公开工作年度报告》, dated 2021-01-28, published on the bureau\'s website (text copied out of Word).',
  '2023_huaian-hongze-district-gov':
    '洪泽区人民政府《2023年政府信息公开工作年度报告》 (淮安市洪泽区人民政府办公室), PDF; no publication date printed.',
  '2024_huaian-hongze-district-gov':
    '淮安市洪泽区人民政府《2024年政府信息公开工作年度报告》, PDF; no publication date printed.',
  '2024_huaian-city-gov': '淮安市人民政府《2024年政府信息公开工作年度报告》 (淮安市人民政府办公室), PDF; no publication date printed.',
};

/** Cells the source prints as '-' (the expected figures record them as null). */
const PRINTED_DASH: Record<string, string[]> = {
  '2020_liaocheng-zrzyghj': ['other_management_services.items_previous_year', 'administrative_coercion.items_previous_year'],
};

const SUB_ROWS = ['other.no_correction', 'other.fee_unpaid', 'other.other'];

const allNull = (t: CompactTable, row: string): boolean => Object.values(t[row] ?? {}).every((v) => v === null);

/** A real report's expected figures → the compact shape, keeping only what the source prints. */
export function realCompact(name: string, expected: Record<string, unknown>): CompactReport {
  const tables = {} as CompactReport['tables'];
  for (const id of TABLE_IDS) tables[id] = structuredClone(expected[id] as CompactTable);
  const edition = expected.format as CompactReport['edition'];
  const apps = tables.applications;
  if (edition === '2021') {
    // （六）其他处理: printed as one row (its sub-rows absent), or as its three sub-rows (the row itself derived).
    if (SUB_ROWS.every((r) => allNull(apps, r))) for (const r of SUB_ROWS) delete apps[r];
    else delete apps.other;
  }
  for (const ref of PRINTED_DASH[name] ?? []) {
    const [row = '', column = ''] = ref.split('.');
    tables.proactive[row]![column] = '-';
  }
  return {
    agency: expected.agency as string,
    year: expected.year as number,
    published: (expected.published as string | null) ?? null,
    edition,
    tables,
  };
}

export function buildRealSamples(expected: Record<string, Record<string, unknown>>): SampleFile[] {
  const enc = new TextEncoder();
  const files: SampleFile[] = [];
  for (const name of Object.keys(expected).sort()) {
    const source = REAL_SOURCES[name];
    if (!source) continue;
    const values = realCompact(name, expected[name]!);
    const comment = `Figures restated from ${source} Written by scripts/write-samples.ts; '-' marks cells printed as not applicable, null blank cells.`;
    files.push({ path: `real/${name}.json`, bytes: enc.encode(renderJson(values, { comment })) });
    files.push({ path: `real/${name}.yaml`, bytes: enc.encode(renderYaml(values, { comment: comment.replace(/ Written by/, '\nWritten by') })) });
  }
  return files;
}

export const SAMPLES_README = `# Samples

Written by \`npm run samples\` (scripts/write-samples.ts); do not edit by hand. tests/unit/synth-samples.test.ts
regenerates them into a temporary folder and compares every byte: after changing the generator or a renderer, run
\`npm run samples\` and commit the result.

- \`synthetic/<year>_<agency>/\`: synthetic reports (made-up bodies and figures, pipeline/synth/) in every rendering:
  \`word-text.txt\` (text copied out of Word), \`page.html\` (a government web page), \`word-export.htm\` (Word's
  "Save as Web Page"), \`report.docx\`, \`report.pdf\` (a Word/WPS PDF export: ruled tables, a page number in every
  footer, the font STSong-Light not embedded, so a reader needs the predefined CMaps), \`pdftotext-layout.txt\`
  (\`pdftotext -layout\` of a PDF), \`values.json\` and \`values.yaml\` (the compact values, with the figures the
  text states); one report also as GBK text (\`word-text.gbk.txt\`) and one as a GBK page (\`page.gbk.html\`), with
  no charset declared.
  \`synthetic/manifest.json\` lists each report's generator seed and options. The 2022 and 2023 reports of
  青禾市生态环境局 are consecutive years: carried_over (2023) = carried_forward (2022), in_force carries on.
- \`real/<year>_<slug>.json|yaml\`: the figures of real published reports, restated in the compact shape; each file
  names the publication it restates. '-' marks a cell printed as not applicable, null a blank cell; a row that is
  missing was not printed.
`;
