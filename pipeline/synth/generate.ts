/**
 * A seeded, deterministic generator of synthetic annual reports (values only; renderers print them).
 * Same seed and options → identical output. Values satisfy every consistency rule unless `errors` plants one.
 */
import { reportId } from '../model/report-id.ts';
import type { Edition } from '../model/template.ts';
import { type Agency, describeAgency, pickAgency } from './agencies.ts';
import { num } from './check.ts';
import { generateProactive2019, generateProactive2021 } from './generate-proactive.ts';
import {
  type BlankStyle, blankZeros, generateAppeals, generateApplications, type OtherRows, type Scale,
} from './generate-tables.ts';
import { type MissingRows, drawMissingRows, dropRows } from './drop-rows.ts';
import { plantErrors } from './plant.ts';
import { createRng } from './prng.ts';
import type { CompactReport, NarrativeFigures, PlantSpec, Synthetic } from './types.ts';

export interface GenerateOptions {
  edition?: Edition;
  year?: number;
  agency?: string;
  /** Publication date (YYYY-MM-DD) or null; drawn when omitted. */
  published?: string | null;
  /** How big a body: how many requests it receives. */
  scale?: Scale;
  /** Previous year's carried_forward per applicant column (for a consecutive pair). */
  carriedOver?: Partial<Record<string, number>>;
  /** Previous year's in_force counts (2021 edition), so that in_force(N) = in_force(N-1) + issued − repealed. */
  previousInForce?: { regulations: number; normative_documents: number };
  /** 2021 edition: print （六）其他处理's three sub-rows (the template), the row alone (seen in real reports), or both. */
  otherRows?: OtherRows;
  blankStyle?: BlankStyle;
  /**
   * Rows the tables leave out, as real reports do: 规章, （六）其他处理 (only when all zero) or some 第二十条 blocks.
   * Drawn when omitted (mostly none); never with planted errors.
   */
  missingRows?: MissingRows;
  /** Errors to plant; each names the rule it breaks. */
  errors?: PlantSpec[];
}

export function editionOf(year: number): Edition {
  return year <= 2020 ? '2019' : '2021';
}

/** The figures a narrative states, read off the tables (blank = 0). */
export function narrativeFigures(report: CompactReport): NarrativeFigures {
  const apps = report.tables.applications;
  const appeals = report.tables.appeals;
  return {
    received: num(apps, 'received', 'total'),
    handled: num(apps, 'total', 'total'),
    granted: num(apps, 'granted', 'total'),
    partially_granted: num(apps, 'partially_granted', 'total'),
    reconsideration: num(appeals, 'reconsideration', 'total'),
    litigation: num(appeals, 'litigation_direct', 'total') + num(appeals, 'litigation_after_reconsideration', 'total'),
  };
}

function publishedDate(year: number, day: number): string {
  const month = 1 + Math.floor(day / 28);
  return `${year + 1}-${String(month).padStart(2, '0')}-${String(1 + (day % 28)).padStart(2, '0')}`;
}

export function generate(seed: number, options: GenerateOptions = {}): Synthetic {
  const rng = createRng(seed);
  const year = options.year ?? (options.edition === '2019' ? rng.int(2019, 2020) : options.edition === '2021' ? rng.int(2021, 2025) : rng.int(2019, 2025));
  const edition = options.edition ?? editionOf(year);
  const agencyRng = rng.fork('agency');
  const agency: Agency = options.agency ? describeAgency(options.agency) : pickAgency(agencyRng);
  const published = options.published !== undefined ? options.published : rng.chance(0.8) ? publishedDate(year, rng.int(0, 80)) : null;
  const scale = options.scale ?? rng.weighted<Scale>(
    agency.government
      ? [['none', 5], ['small', 25], ['medium', 40], ['large', 30]]
      : [['none', 18], ['small', 45], ['medium', 28], ['large', 9]],
  );
  const planting = options.errors ?? [];
  const otherRows: OtherRows = options.otherRows
    ?? (planting.some((e) => e.rule === 'applications.other_subtotal') ? 'both' : rng.chance(0.1) ? 'single' : 'sub-rows');
  const blankStyle = options.blankStyle ?? rng.weighted<BlankStyle>([['zeros', 55], ['blank-outcomes', 30], ['blank-all', 10], ['mixed', 5]]);

  const tableOptions = { edition, agency, scale, otherRows, carriedOver: options.carriedOver, previousInForce: options.previousInForce };
  const applications = generateApplications(rng.fork('applications'), tableOptions);
  const appeals = generateAppeals(rng.fork('appeals'), num(applications, 'total', 'total'));
  const proactive = edition === '2019'
    ? generateProactive2019(rng.fork('proactive'), agency, scale)
    : generateProactive2021(rng.fork('proactive'), agency, scale, options.previousInForce);
  blankZeros(rng.fork('blanks'), blankStyle, applications, appeals, proactive);

  const values: CompactReport = {
    id: reportId(agency.name, year),
    agency: agency.name,
    year,
    published,
    edition,
    tables: { proactive, applications, appeals },
  };
  const tablePlants = planting.filter((e) => !e.rule.startsWith('narrative.'));
  const narrativePlants = planting.filter((e) => e.rule.startsWith('narrative.'));
  const plantRng = rng.fork('plant');
  const planted = plantErrors(plantRng, values, narrativeFigures(values), tablePlants);
  const narrative = narrativeFigures(values);
  planted.push(...plantErrors(plantRng, values, narrative, narrativePlants));
  // Drawn last, from its own fork, so that the values of every seed stay what they were before rows could go missing.
  const dropRng = rng.fork('missing-rows');
  const missingRows = options.missingRows ?? (planting.length > 0 ? 'none' : drawMissingRows(dropRng));
  dropRows(dropRng, values, missingRows);
  return { values, narrative, planted };
}

/** The values of a synthetic report (see generate for the narrative figures and the planted errors). */
export function generateValues(seed: number, options: GenerateOptions = {}): CompactReport {
  return generate(seed, options).values;
}

/** Two consecutive years of the same body: carried_over(N) = carried_forward(N-1), and in_force carries on. */
export function generatePair(seed: number, options: GenerateOptions & { year: number }): [Synthetic, Synthetic] {
  const first = generate(seed, options);
  const v = first.values;
  const cf = v.tables.applications.carried_forward ?? {};
  const carriedOver = Object.fromEntries(Object.keys(cf).filter((c) => c !== 'total').map((c) => [c, num(v.tables.applications, 'carried_forward', c)]));
  const inForce = (row: string): number => num(v.tables.proactive, row, 'in_force');
  const second = generate(seed + 1, {
    ...options,
    year: options.year + 1,
    agency: v.agency,
    edition: options.edition && editionOf(options.year + 1) === options.edition ? options.edition : editionOf(options.year + 1),
    carriedOver,
    previousInForce: v.edition === '2021' ? { regulations: inForce('regulations'), normative_documents: inForce('normative_documents') } : undefined,
  });
  return [first, second];
}
