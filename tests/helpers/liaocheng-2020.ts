/**
 * The figures of the 2020 report of 聊城市自然资源和规划局 (2019 edition), restated from
 * /work/shared/corpus/expected/2020_liaocheng-zrzyghj.json: null = blank in the source, '-' = printed "-".
 * Its table 三 breaks the balance rule in three columns (77 vs 75, 3 vs 2, 25 vs 28), as printed.
 */
import type { CompactReport, CompactTable } from '../../pipeline/parse/from-values.ts';

const COLUMNS = ['natural_person', 'commercial_enterprise', 'research_institution', 'social_welfare_org',
  'legal_service_org', 'other_org', 'total'] as const;

/** One row of table 三 from its seven values in column order. */
function row(...values: Array<number | null>): Record<string, number | null> {
  return Object.fromEntries(COLUMNS.map((c, i) => [c, values[i] ?? null]));
}

const BLANK = row(null, null, null, null, null, null, null);

const applications: CompactTable = {
  received: row(77, 0, 3, 0, 25, 0, 105),
  carried_over: row(0, 0, 0, 0, 0, 0, 0),
  granted: row(47, null, null, null, 18, null, 65),
  partially_granted: row(11, null, null, null, 4, null, 15),
  'denied.state_secret': BLANK,
  'denied.prohibited_by_law': BLANK,
  'denied.security_stability': BLANK,
  'denied.third_party_rights': BLANK,
  'denied.internal_affairs': BLANK,
  'denied.process_information': BLANK,
  'denied.enforcement_files': BLANK,
  'denied.administrative_query': row(10, null, null, null, null, null, 10),
  'unavailable.not_held': row(7, null, 2, null, 6, null, 15),
  'unavailable.needs_creation': BLANK,
  'unavailable.unclear': BLANK,
  'not_processed.petition': BLANK,
  'not_processed.duplicate': BLANK,
  'not_processed.publication': BLANK,
  'not_processed.excessive': BLANK,
  'not_processed.confirmation': BLANK,
  other: BLANK,
  total: row(75, null, 2, null, 28, null, 105),
  carried_forward: row(0, null, null, null, null, null, 0),
};

export function liaocheng2020(): CompactReport {
  return {
    agency: '聊城市自然资源和规划局',
    year: 2020,
    published: '2021-01-28',
    edition: '2019',
    tables: {
      proactive: {
        regulations: { made: 0, published: 0, published_total: 0 },
        normative_documents: { made: 2, published: 2, published_total: 2 },
        administrative_licensing: { items_previous_year: 329, items_change: -230, decisions: 99 },
        other_management_services: { items_previous_year: '-', items_change: 0, decisions: 0 },
        administrative_penalty: { items_previous_year: 88, items_change: -38, decisions: 50 },
        administrative_coercion: { items_previous_year: '-', items_change: 0, decisions: 0 },
        administrative_fees: { items_previous_year: 1, items_change: 0 },
        centralized_procurement: { procurement_items: 19, procurement_amount_10k_yuan: '4156.93万元' },
      },
      applications,
      appeals: {
        reconsideration: { upheld: 0, corrected: 0, other: 2, pending: 0, total: 2 },
        litigation_direct: { upheld: 0, corrected: 1, other: 7, pending: 0, total: 8 },
        litigation_after_reconsideration: { upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 },
      },
    },
    // 一、总体情况: 105 received, 105 answered: 予以公开 65, 部分公开 15 (consistent with the tables).
    narrative: [
      { key: 'received', value: 105, text: '共收到政府信息公开申请105件', source: { line: 5 } },
      { key: 'handled', value: 105, text: '已全部答复105件', source: { line: 5 } },
      { key: 'granted', value: 65, text: '予以公开65件', source: { line: 5 } },
      { key: 'partially_granted', value: 15, text: '部分公开15件', source: { line: 5 } },
    ],
  };
}
