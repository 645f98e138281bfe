/**
 * A release whose reports carry registry bodies (report.body, as name resolution sets it): a province, a city
 * government and one of its departments, two counties, a county of another province, over 2019–2024 (both template
 * editions), with a planted warning, a year gap, cells that test the figure definitions (a 2021 （六） printed blank
 * beside its sub-rows, a 三（三） left blank, a body that handled nothing), and one name that did not resolve (over
 * two years, named like a script). Built by the real buildRelease into memory.
 */
import { nameKey } from '../../pipeline/model/report-id.ts';
import { DEFAULT_META } from '../../pipeline/datasets/defaults.ts';
import { buildRelease, type BuildResult } from '../../pipeline/datasets/index.ts';
import { type ValidatedReport, byYearThenId } from '../../pipeline/datasets/types.ts';
import type { AgencyRef } from '../../pipeline/model/agency.ts';
import { reportFromValues } from '../../pipeline/parse/from-values.ts';
import type { AnnualReport } from '../../pipeline/model/report.ts';
import { generateValues, type GenerateOptions } from '../../pipeline/synth/generate.ts';
import { validateAll } from '../../pipeline/validate/index.ts';
import { loadSchemas } from '../../pipeline/adapters/schemas.ts';
import { memorySink } from './memory-sink.ts';

export const BODIES = {
  province: { id: 'jiangsu', name: '江苏省人民政府', division: '320000', level: 'province', kind: 'government' },
  city: { id: 'jiangsu-huaian', name: '淮安市人民政府', division: '320800', level: 'city', kind: 'government', parent: 'jiangsu' },
  department: { id: 'jiangsu-huaian-ziranziyuan', name: '淮安市自然资源和规划局', division: '320800', level: 'city', kind: 'department',
    parent: 'jiangsu-huaian' },
  hongze: { id: 'jiangsu-huaian-hongze', name: '淮安市洪泽区人民政府', division: '320813', level: 'county', kind: 'government',
    parent: 'jiangsu-huaian' },
  lianshui: { id: 'jiangsu-huaian-lianshui', name: '涟水县人民政府', division: '320826', level: 'county', kind: 'government',
    parent: 'jiangsu-huaian' },
  guanxian: { id: 'shandong-liaocheng-guanxian', name: '冠县人民政府', division: '371525', level: 'county', kind: 'government',
    parent: 'shandong-liaocheng' },
} satisfies Record<string, AgencyRef>;

/** The name that does not resolve: it must be escaped in pages and neutralised in CSV. */
export const UNRESOLVED = '=cmd|<script>alert(1)</script>局';
/** Its key in the per-body files: the slug of the name and a hash of it (report-id.ts). */
export const UNRESOLVED_KEY = nameKey(UNRESOLVED);

interface Plan {
  body?: AgencyRef;
  /** The name as printed (the body's name unless given). */
  agency?: string;
  year: number;
  options?: GenerateOptions;
  edit?: (r: AnnualReport) => void;
}

const blank = { kind: 'blank', value: null } as const;

const PLANS: Plan[] = [
  ...[2019, 2020, 2021, 2022, 2023, 2024].map((year): Plan => ({
    body: BODIES.city, year, options: { scale: 'large', ...(year === 2022 ? { errors: [{ rule: 'applications.balance' as const }] } : {}) },
  })),
  {
    body: BODIES.department, year: 2021, options: { scale: 'medium' },
    // 三（三） printed blank throughout: refused is null, and so is its share.
    edit: (r) => {
      for (const [row, cells] of Object.entries(r.tables.applications)) if (row.startsWith('denied.')) for (const c of Object.keys(cells)) cells[c] = { ...blank, raw: '' };
    },
  },
  { body: BODIES.department, year: 2023, options: { scale: 'medium' } },
  { body: BODIES.hongze, agency: '洪泽区人民政府', year: 2020, options: { scale: 'medium' } },
  {
    body: BODIES.hongze, year: 2023, options: { scale: 'large', otherRows: 'both' },
    // （六） printed blank beside printed sub-rows: other falls back to the sub-rows' sum.
    edit: (r) => { r.tables.applications.other!.total = { ...blank, raw: '' }; },
  },
  { body: BODIES.hongze, year: 2024, options: { scale: 'large', otherRows: 'sub-rows' } },
  { body: BODIES.lianshui, year: 2024, options: { scale: 'none' } },
  { body: BODIES.province, year: 2024, options: { scale: 'large' } },
  { body: BODIES.guanxian, year: 2019, options: { scale: 'small' } },
  { agency: UNRESOLVED, year: 2021, options: { scale: 'medium' } },
  { agency: UNRESOLVED, year: 2022, options: { scale: 'medium' } },
];

export function bodyReports(): ValidatedReport[] {
  const reports = PLANS.map((plan, k) => {
    const agency = plan.agency ?? plan.body!.name;
    const report = reportFromValues(generateValues(7000 + k, { ...plan.options, year: plan.year, agency }));
    plan.edit?.(report);
    if (!plan.body) return report;
    return { ...report, id: `${plan.body.id}-${plan.year}`, body: { ...plan.body }, region: plan.body.division };
  });
  const results = validateAll(reports);
  return reports.map((report) => ({ report, validation: results.get(report.id)! })).sort(byYearThenId);
}

export interface BuiltBodies {
  reports: ValidatedReport[];
  files: Map<string, string>;
  result: BuildResult;
}

/** The fixture release, built once per test file. */
export async function buildBodies(reports = bodyReports()): Promise<BuiltBodies> {
  const sink = memorySink();
  const result = await buildRelease({ reports, meta: DEFAULT_META, today: '2026-02-01', schemas: await loadSchemas() }, sink);
  return { reports, files: sink.files, result };
}
