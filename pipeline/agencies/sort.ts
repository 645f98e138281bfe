/** The registry's order: by division code, then level (province first), then kind (the government first), then id. */
import { AGENCY_KINDS, AGENCY_LEVELS, type Agency } from '../model/agency.ts';

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function byDivisionThenId(a: Agency, b: Agency): number {
  return (
    cmp(a.division, b.division) ||
    AGENCY_LEVELS.indexOf(a.level) - AGENCY_LEVELS.indexOf(b.level) ||
    AGENCY_KINDS.indexOf(a.kind) - AGENCY_KINDS.indexOf(b.kind) ||
    cmp(a.id, b.id)
  );
}
