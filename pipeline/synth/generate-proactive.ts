/** Table 二 (主动公开) of a synthetic report. No rule ties its cells together, except in_force across years. */
import type { Agency } from './agencies.ts';
import type { Rng } from './prng.ts';
import type { Scale } from './generate-tables.ts';
import type { CompactTable, CompactValue } from './types.ts';

const SIZE: Record<Scale, number> = { none: 1, small: 2, medium: 3, large: 4 };

/** An amount in 万元 with up to two decimals (built from whole fen, so it prints exactly). */
function money(rng: Rng, max: number): number {
  const cents = rng.int(0, max * 100);
  const style = rng.weighted([['2dp', 5], ['1dp', 2], ['int', 2]] as const);
  return style === '2dp' ? cents / 100 : style === '1dp' ? Math.round(cents / 10) / 10 : Math.round(cents / 100);
}

/** A count whose size grows with the body (decisions: a few up to millions). */
function count(rng: Rng, scale: Scale, big: boolean): number {
  const exp = big ? SIZE[scale] + rng.int(0, 2) : SIZE[scale];
  return rng.int(0, 10 ** exp);
}

/** Rows for matters the body has no power over: printed '-', 0 or blank. */
function notApplicable(rng: Rng, columns: readonly string[]): Record<string, CompactValue> {
  const style = rng.weighted([['dash-first', 3], ['dash', 2], ['zero', 4], ['blank', 1]] as const);
  const out: Record<string, CompactValue> = {};
  columns.forEach((c, i) => {
    out[c] = style === 'dash' || (style === 'dash-first' && i === 0) ? '-' : style === 'blank' ? null : 0;
  });
  return out;
}

export function generateProactive2019(rng: Rng, agency: Agency, scale: Scale): CompactTable {
  const makesRules = agency.government && (agency.level === 'province' || agency.level === 'city');
  const docs = (max: number): Record<string, CompactValue> => {
    const made = rng.int(0, max);
    const published = rng.chance(0.85) ? made : rng.int(0, made);
    return { made, published, published_total: published + rng.int(0, max * 6) };
  };
  const items = (applicable: number, big: boolean): Record<string, CompactValue> => {
    if (!rng.chance(applicable)) return notApplicable(rng, ['items_previous_year', 'items_change', 'decisions']);
    const previous = rng.int(0, 600);
    const change = rng.chance(0.35) ? 0 : rng.int(-Math.min(previous, 300), 120);
    return { items_previous_year: previous, items_change: change, decisions: count(rng, scale, big) };
  };
  const procurementItems = rng.chance(0.7) ? rng.int(0, 10 * SIZE[scale] ** 2) : 0;
  return {
    regulations: makesRules ? docs(6) : notApplicable(rng, ['made', 'published', 'published_total']),
    normative_documents: docs(agency.government ? 40 : 12),
    administrative_licensing: items(0.8, true),
    other_management_services: items(0.5, false),
    administrative_penalty: items(0.7, true),
    administrative_coercion: items(0.5, false),
    administrative_fees: rng.chance(0.6)
      ? (() => {
          const previous = rng.int(0, 40);
          return { items_previous_year: previous, items_change: rng.chance(0.5) ? 0 : rng.int(-Math.min(previous, 5), 5) };
        })()
      : notApplicable(rng, ['items_previous_year', 'items_change']),
    centralized_procurement: {
      procurement_items: procurementItems,
      procurement_amount_10k_yuan: procurementItems === 0 ? 0 : money(rng, 500 * SIZE[scale] ** 2),
    },
  };
}

export function generateProactive2021(
  rng: Rng,
  agency: Agency,
  scale: Scale,
  previous?: { regulations: number; normative_documents: number },
): CompactTable {
  const makesRules = agency.government && (agency.level === 'province' || agency.level === 'city');
  const docs = (max: number, before: number | undefined): Record<string, CompactValue> => {
    const issued = rng.int(0, max);
    const start = before ?? rng.int(0, max * 8);
    const repealed = rng.chance(0.5) ? 0 : rng.int(0, Math.min(start, Math.ceil(max / 2)));
    return { issued, repealed, in_force: start + issued - repealed };
  };
  const decisions = (applicable: number, big: boolean): Record<string, CompactValue> =>
    rng.chance(applicable) ? { decisions: count(rng, scale, big) } : { decisions: rng.chance(0.7) ? 0 : rng.pick(['-', null]) };
  return {
    regulations: makesRules ? docs(5, previous?.regulations) : previous ? docs(0, previous.regulations) : rng.chance(0.8) ? { issued: 0, repealed: 0, in_force: 0 } : notApplicable(rng, ['issued', 'repealed', 'in_force']),
    normative_documents: docs(agency.government ? 40 : 12, previous?.normative_documents),
    administrative_licensing: decisions(0.8, true),
    administrative_penalty: decisions(0.7, true),
    administrative_coercion: decisions(0.5, false),
    administrative_fees: { fee_amount_10k_yuan: rng.chance(0.35) ? 0 : money(rng, 3000 * SIZE[scale] ** 2) },
  };
}
