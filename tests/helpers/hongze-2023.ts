/**
 * The figures of the 2023 report of 洪泽区人民政府 (2021 edition), restated from
 * /work/shared/corpus/expected/2023_huaian-hongze-district-gov.json. （六）其他处理 is printed as one row without its
 * sub-rows (left out here, so they are absent); table 四 prints 总计 0 for 行政复议 10/1/0/0 and 复议后起诉 5/0/0/0.
 */
import type { CompactReport, CompactTable } from '../../pipeline/parse/from-values.ts';

const COLUMNS = ['natural_person', 'commercial_enterprise', 'research_institution', 'social_welfare_org',
  'legal_service_org', 'other_org', 'total'] as const;

/** A row of table 三 where only natural persons applied: n in 自然人 and 总计, 0 elsewhere. */
function persons(n: number): Record<string, number> {
  return Object.fromEntries(COLUMNS.map((c) => [c, c === 'natural_person' || c === 'total' ? n : 0]));
}

const applications: CompactTable = {
  received: persons(21),
  carried_over: persons(0),
  granted: persons(0),
  partially_granted: persons(4),
  'denied.state_secret': persons(1),
  'denied.prohibited_by_law': persons(0),
  'denied.security_stability': persons(0),
  'denied.third_party_rights': persons(0),
  'denied.internal_affairs': persons(0),
  'denied.process_information': persons(1),
  'denied.enforcement_files': persons(1),
  'denied.administrative_query': persons(0),
  'unavailable.not_held': persons(10),
  'unavailable.needs_creation': persons(3),
  'unavailable.unclear': persons(0),
  'not_processed.petition': persons(1),
  'not_processed.duplicate': persons(0),
  'not_processed.publication': persons(0),
  'not_processed.excessive': persons(0),
  'not_processed.confirmation': persons(0),
  other: persons(0),
  total: persons(21),
  carried_forward: persons(0),
};

export function hongze2023(): CompactReport {
  return {
    agency: '洪泽区人民政府',
    year: 2023,
    published: null,
    edition: '2021',
    tables: {
      proactive: {
        regulations: { issued: 0, repealed: 0, in_force: 0 },
        normative_documents: { issued: 0, repealed: 5, in_force: 5 },
        administrative_licensing: { decisions: 550 },
        administrative_penalty: { decisions: 4119 },
        administrative_coercion: { decisions: 195 },
        administrative_fees: { fee_amount_10k_yuan: 7730.28 },
      },
      applications,
      appeals: {
        reconsideration: { upheld: 10, corrected: 1, other: 0, pending: 0, total: 0 },
        litigation_direct: { upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 },
        litigation_after_reconsideration: { upheld: 5, corrected: 0, other: 0, pending: 0, total: 0 },
      },
    },
  };
}
