/**
 * One report per body and year: the same report read from several renderings (the web page and its PDF
 * attachment) becomes one report that keeps every source. Which cells the renderings disagree on is the validate
 * stage's business (rules-identity.ts): it gets every group of renderings. Renderings are one report only when
 * they are by the same registry body or print the same name after normalisation (identityKey), never merely because
 * their ids agree. Pure.
 */
import { createHash } from 'node:crypto';
import { identityKey } from '../model/report-id.ts';
import type { AnnualReport, Source } from '../model/report.ts';

export interface Merged {
  reports: AnnualReport[];
  /** The renderings behind each merged report that was read more than once, by report id. */
  renderings: Map<string, AnnualReport[]>;
}

const RANK: Record<string, number> = { json: 0, yaml: 0, docx: 1, html: 2, pdf: 3, 'pdftotext-layout': 4, 'word-text': 5 };

const byName = (a: Pick<Source, 'name'>, b: Pick<Source, 'name'>): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** The rendering whose cells a merged report keeps, by its first source: structured data first, then Word, web page, PDF, text. */
export function preferredSource(a: Pick<Source, 'rendering' | 'name'>, b: Pick<Source, 'rendering' | 'name'>): number {
  return (RANK[a.rendering] ?? 9) - (RANK[b.rendering] ?? 9) || byName(a, b);
}

const preferred = (a: AnnualReport, b: AnnualReport): number => preferredSource(a.sources[0]!, b.sources[0]!);

/**
 * Items by merged id, each id's items by who they are by (`key`: identityKey). Ids that two bodies share (ids carried
 * by structured input, a hash that collides) are told apart by a hash of each one's identity, which depends on it
 * alone: such a group's items get that id (`renamed`). Items keep their order within a group.
 */
export function mergedGroups<T extends { id: string; key: string; year: number }>(items: readonly T[]): Map<string, { items: T[]; renamed: boolean }> {
  const byId = new Map<string, Map<string, T[]>>();
  for (const r of items) {
    const who = byId.get(r.id) ?? new Map<string, T[]>();
    byId.set(r.id, who);
    const list = who.get(r.key);
    if (list) list.push(r);
    else who.set(r.key, [r]);
  }
  const groups = new Map<string, { items: T[]; renamed: boolean }>();
  for (const [id, who] of byId) {
    if (who.size === 1) {
      groups.set(id, { items: [...who.values()][0]!, renamed: false });
      continue;
    }
    const year = `-${[...who.values()][0]![0]!.year}`;
    const stem = id.endsWith(year) ? id.slice(0, -year.length) : id;
    for (const [key, group] of who) {
      const distinct = `${stem}-${createHash('sha256').update(key).digest('hex').slice(0, 6)}${id.endsWith(year) ? year : ''}`;
      groups.set(distinct, { items: group, renamed: true });
    }
  }
  return groups;
}

/** One report from the renderings of one merged id (given that id): the preferred one's cells, every source. */
export function mergeGroup(reports: readonly AnnualReport[]): { report: AnnualReport; renderings?: AnnualReport[] } {
  const group = [...reports].sort(preferred);
  const first = group[0]!;
  const sources = group.flatMap((r) => r.sources).sort(byName);
  return { report: { ...first, sources }, ...(group.length > 1 ? { renderings: group } : {}) };
}

export function mergeRenderings(reports: readonly AnnualReport[]): Merged {
  const byId = mergedGroups(reports.map((report) => ({ id: report.id, key: identityKey(report), year: report.year, report })));
  const merged: AnnualReport[] = [];
  const renderings = new Map<string, AnnualReport[]>();
  for (const id of [...byId.keys()].sort()) {
    const { items, renamed } = byId.get(id)!;
    const got = mergeGroup(items.map((i) => (renamed ? { ...i.report, id } : i.report)));
    if (got.renderings) renderings.set(id, got.renderings);
    merged.push(got.report);
  }
  return { reports: merged, renderings };
}
