/** Tell the template edition from the tables' own labels. Pure. */
import type { TextCell } from '../ingest/types.ts';
import type { Edition } from '../model/template.ts';
import { isDigits } from '../ingest/read-value.ts';
import { memoised } from '../memoised.ts';
import { keyLengthBound, labelKey } from './normalize.ts';

/** Labels only one edition prints (FORMATS: differences 2019 → 2021). */
const MARKERS: Record<Edition, readonly string[]> = {
  '2019': ['本年新制作数量', '本年新公开数量', '对外公开总数量', '上一年项目数量', '本年增减', '其他对外管理服务事项',
    '政府集中采购', '采购项目数量', '采购总金额'],
  '2021': ['本年制发件数', '本年废止件数', '现行有效件数', '本年收费金额', '本年处理决定数量', '逾期不补正',
    '逾期未按收费通知'],
};

/** The shortest marker's length. */
const SHORTEST = Math.min(...Object.values(MARKERS).flat().map((m) => m.length));

/**
 * Which markers a text's key holds, as bits: the 2019 edition's in their order, then the 2021 edition's. Remembered per
 * text (the tables' labels recur report after report).
 */
const markersIn = memoised((text: string): number => {
  const key = labelKey(text);
  let mask = 0;
  [...MARKERS['2019'], ...MARKERS['2021']].forEach((m, k) => {
    if (key.includes(m)) mask |= 1 << k;
  });
  return mask;
});

export interface EditionEvidence {
  edition: Edition | null;
  found: Record<Edition, string[]>;
  /** The labels matched both editions equally, and the report year decided. */
  byYear?: boolean;
}

/** The edition in force for a report year: the 2019 edition for 2019–2020 reports, the 2021 edition from 2021. */
export function editionForYear(year: number): Edition {
  return year <= 2020 ? '2019' : '2021';
}

/**
 * The edition whose labels the tables print more of; on a tie (some labels of each, as many of both), the edition in
 * force for the report year, when known.
 */
export function detectEdition(cells: readonly TextCell[], year: number | null = null): EditionEvidence {
  // The markers in any cell's key (none spans two cells). A figure's key is its digits: no marker is in it, so it is
  // left out; so is a text whose key is shorter than the shortest marker.
  let mask = 0;
  for (const c of cells) if (!isDigits(c.text) && keyLengthBound(c.text) >= SHORTEST) mask |= markersIn(c.text);
  const found = {
    '2019': MARKERS['2019'].filter((_, k) => (mask & (1 << k)) !== 0),
    '2021': MARKERS['2021'].filter((_, k) => (mask & (1 << (k + MARKERS['2019'].length))) !== 0),
  };
  const a = found['2019'].length;
  const b = found['2021'].length;
  if (a === b && a > 0 && year !== null) return { edition: editionForYear(year), found, byYear: true };
  const edition: Edition | null = a === b ? null : a > b ? '2019' : '2021';
  return { edition, found };
}

/** Column headers of table 二 that only one edition prints: under them, the figures mean different things. */
const COLUMN_MARKERS: Record<Edition, readonly string[]> = {
  '2019': ['本年新制作数量', '本年新公开数量', '对外公开总数量', '上一年项目数量', '本年增减', '采购项目数量', '采购总金额'],
  '2021': ['本年制发件数', '本年废止件数', '现行有效件数', '本年收费金额'],
};

/**
 * The other edition's column headers that the tables print beside the edition's own (a 2021 table 二 under the 2019
 * headers 本年新制作数量…): which columns the figures are in is then unclear. Other wording of the other edition
 * (规范性文件, 处理决定数量, （六） as one row) is aligned by the template and does not count.
 */
export function foreignColumnHeaders(evidence: EditionEvidence): string[] {
  if (!evidence.edition) return [];
  const other: Edition = evidence.edition === '2019' ? '2021' : '2019';
  return evidence.found[other].filter((m) => COLUMN_MARKERS[other].includes(m));
}
