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

const byName = (a: Source, b: Source): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** The rendering whose cells a merged report keeps: structured data first, then Word, web page, PDF, text. */
function preferred(a: AnnualReport, b: AnnualReport): number {
  return (RANK[a.sources[0]!.rendering] ?? 9) - (RANK[b.sources[0]!.rendering] ?? 9) || byName(a.sources[0]!, b.sources[0]!);
}

/**
 * Reports by id, each id's reports by who they are by. Ids that two bodies share (ids carried by structured input,
 * a hash that collides) are told apart by a hash of each one's identity, which depends on it alone.
 */
function groupById(reports: readonly AnnualReport[]): Map<string, AnnualReport[]> {
  const byId = new Map<string, Map<string, AnnualReport[]>>();
  for (const r of reports) {
    const who = byId.get(r.id) ?? new Map<string, AnnualReport[]>();
    byId.set(r.id, who);
    who.set(identityKey(r), [...(who.get(identityKey(r)) ?? []), r]);
  }
  const groups = new Map<string, AnnualReport[]>();
  for (const [id, who] of byId) {
    if (who.size === 1) {
      groups.set(id, [...who.values()][0]!);
      continue;
    }
    const year = `-${[...who.values()][0]![0]!.year}`;
    const stem = id.endsWith(year) ? id.slice(0, -year.length) : id;
    for (const [key, group] of who) {
      const distinct = `${stem}-${createHash('sha256').update(key).digest('hex').slice(0, 6)}${id.endsWith(year) ? year : ''}`;
      groups.set(distinct, group.map((r) => ({ ...r, id: distinct })));
    }
  }
  return groups;
}

export function mergeRenderings(reports: readonly AnnualReport[]): Merged {
  const byId = groupById(reports);
  const merged: AnnualReport[] = [];
  const renderings = new Map<string, AnnualReport[]>();
  for (const id of [...byId.keys()].sort()) {
    const group = [...byId.get(id)!].sort(preferred);
    const first = group[0]!;
    if (group.length > 1) renderings.set(id, group);
    const sources = group.flatMap((r) => r.sources).sort(byName);
    merged.push({ ...first, sources });
  }
  return { reports: merged, renderings };
}
