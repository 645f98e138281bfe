/**
 * The issue a report gets when its printed agency name resolves to no single registry body: unknown (with close
 * matches, if any) or ambiguous between several bodies. Given where the name is resolved (identify.ts). Pure.
 */
import type { Agency } from '../model/agency.ts';
import type { Issue } from '../model/issue.ts';
import type { AnnualReport } from '../model/report.ts';

/** What name resolution said about a report's printed name, when it did not resolve to one body. */
export interface UnresolvedName {
  status: 'unknown' | 'ambiguous';
  printed: string;
  candidates: ReadonlyArray<Pick<Agency, 'id' | 'name' | 'division'>>;
}

function listCandidates(candidates: UnresolvedName['candidates'], lang: 'zh' | 'en'): string {
  const shown = candidates.slice(0, 8).map((c) => `${c.name}（${c.id}, ${c.division}）`);
  const more = candidates.length - shown.length;
  const tail = more > 0 ? (lang === 'zh' ? ` 等 ${candidates.length} 个` : ` and ${more} more`) : '';
  return shown.join(lang === 'zh' ? '、' : ', ') + tail;
}

export function agencyIssue(report: Pick<AnnualReport, 'id'>, unresolved: UnresolvedName): Issue {
  const { printed, candidates } = unresolved;
  const expected = candidates.map((c) => c.id).join(', ') || null;
  if (unresolved.status === 'ambiguous') {
    return {
      rule: 'agency.ambiguous', severity: 'warning', report: report.id, expected, found: printed,
      message: {
        zh: `机关名称"${printed}"可指多个机关：${listCandidates(candidates, 'zh')}；请在机关名录（agencies.yaml）中为其中一个添加别名`,
        en: `agency name "${printed}" fits several bodies: ${listCandidates(candidates, 'en')}; add it as an alias of one of them in the registry (agencies.yaml)`,
      },
    };
  }
  const near = candidates.length > 0;
  return {
    rule: 'agency.unknown', severity: 'warning', report: report.id, expected, found: printed,
    message: {
      zh: `机关名称"${printed}"不在机关名录（agencies.yaml）中${near ? `；相近的机关：${listCandidates(candidates, 'zh')}` : ''}；可用 xxgk agencies suggest 生成条目`,
      en: `agency name "${printed}" is not in the registry (agencies.yaml)${near ? `; close matches: ${listCandidates(candidates, 'en')}` : ''}; \`xxgk agencies suggest\` proposes an entry`,
    },
  };
}
