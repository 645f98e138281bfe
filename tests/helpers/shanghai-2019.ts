/**
 * The tables of a real report restated (上海市人民政府办公厅 2019, 2019 edition: most rows of table 三 print no 总计, and
 * table 四's last group is blank), for the tests of text renderings written from them (parse-tab-trimmed,
 * parse-raw-nbsp). Printed cells as the report prints them, '' for a blank.
 */

/** Table 三's columns: the applicant columns, then 总计. */
export const COLUMNS = ['natural_person', 'commercial_enterprise', 'research_institution', 'social_welfare_org', 'legal_service_org', 'other_org', 'total'];

/** Table 三 as the report prints it; rows not listed are blank. */
export const APPLICATIONS: Readonly<Record<string, readonly string[]>> = {
  received: ['821', '35', '', '', '2', '1', '859'],
  carried_over: ['18', '', '', '', '', '', '18'],
  granted: ['258', '12', '', '', '1', '1', ''],
  partially_granted: ['3', '', '', '', '', '', ''],
  'denied.state_secret': ['14', '', '', '', '', '', ''],
  'denied.internal_affairs': ['5', '', '', '', '', '', ''],
  'denied.process_information': ['3', '1', '', '', '', '', ''],
  'denied.administrative_query': ['10', '2', '', '', '', '', ''],
  'unavailable.not_held': ['252', '12', '', '', '1', '', ''],
  'unavailable.needs_creation': ['44', '3', '', '', '', '', ''],
  'unavailable.unclear': ['25', '', '', '', '', '', ''],
  'not_processed.petition': ['148', '1', '', '', '', '', ''],
  'not_processed.duplicate': ['5', '4', '', '', '', '', ''],
  total: ['767', '35', '', '', '2', '1', '805'],
  carried_forward: ['72', '', '', '', '', '', '72'],
};

/** Table 三's rows in the 2019 edition, in order. */
export const ROWS_2019 = ['received', 'carried_over', 'granted', 'partially_granted', 'denied.state_secret', 'denied.prohibited_by_law',
  'denied.security_stability', 'denied.third_party_rights', 'denied.internal_affairs', 'denied.process_information',
  'denied.enforcement_files', 'denied.administrative_query', 'unavailable.not_held', 'unavailable.needs_creation',
  'unavailable.unclear', 'not_processed.petition', 'not_processed.duplicate', 'not_processed.publication',
  'not_processed.excessive', 'not_processed.confirmation', 'other', 'total', 'carried_forward'];

/** Table 四's fifteen cells, group by group. */
export const APPEALS = ['5', '', '', '2', '7', '8', '', '', '1', '9', '', '', '', '', ''];
export const GROUPS = ['reconsideration', 'litigation_direct', 'litigation_after_reconsideration'];
export const RESULTS = ['upheld', 'corrected', 'other', 'pending', 'total'];

/** Tables 三 and 四 as cells by code (`applications.<row>.<column>`, `appeals.<group>.<result>`). */
export function printedCells(appeals: readonly string[] = APPEALS): Record<string, string> {
  const cells: Record<string, string> = {};
  for (const row of ROWS_2019) COLUMNS.forEach((c, k) => (cells[`applications.${row}.${c}`] = APPLICATIONS[row]?.[k] ?? ''));
  GROUPS.forEach((g, i) => RESULTS.forEach((r, j) => (cells[`appeals.${g}.${r}`] = appeals[i * 5 + j]!)));
  return cells;
}
