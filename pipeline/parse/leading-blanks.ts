/**
 * Table 四 in renderings that know no rows (Word text): a header cell merged down over two rows ("总计" over a
 * wrapped "结果 / 维持" row) is copied as an empty cell right before the figures, which then come one too many. The
 * leading empty cells are dropped only when what is left adds up (总计 = 维持 + 纠正 + 其他 + 尚未审结 for each of the
 * three groups, blanks as 0), so that a blank first figure and a stray trailing one are never shifted into place. Pure.
 */
import type { TextCell } from '../ingest/types.ts';
import { readValue } from '../ingest/read-value.ts';

function addsUp(values: readonly TextCell[]): boolean {
  const n = values.map((v) => readValue(v.text));
  if (n.some((c) => c.kind === 'text')) return false;
  const num = (k: number): number => n[k]?.value ?? 0;
  for (let g = 0; g < values.length; g += 5) {
    if (num(g) + num(g + 1) + num(g + 2) + num(g + 3) !== num(g + 4)) return false;
  }
  return true;
}

/** `values` without the empty cells before its `want` figures, when that is the only reading that adds up; else as is. */
export function dropLeadingBlanks(values: TextCell[], want: number): TextCell[] {
  const extra = values.length - want;
  if (extra <= 0 || !values.slice(0, extra).every((v) => v.text.trim() === '')) return values;
  const kept = values.slice(extra);
  if (!addsUp(kept) || addsUp(values.slice(0, want))) return values;
  return kept;
}
