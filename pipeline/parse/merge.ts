/**
 * One report per body and year: the same report read from several renderings (the web page and its PDF
 * attachment) becomes one report that keeps every source. Which cells the renderings disagree on is the validate
 * stage's business (rules-identity.ts): it gets every group of renderings. Pure.
 */
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

export function mergeRenderings(reports: readonly AnnualReport[]): Merged {
  const byId = new Map<string, AnnualReport[]>();
  for (const r of reports) byId.set(r.id, [...(byId.get(r.id) ?? []), r]);
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
