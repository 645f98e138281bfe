/**
 * Table 四's leaf headers in layout text (结果维持, 结果纠正, 其他结果, 尚未审结, 总计, once under each of the three
 * groups): which fragments are pieces of them, and the 15 header columns read from their stacks. Pure.
 */
import type { Fragment } from './layout-lines.ts';
import { APPEALS } from '../model/template.ts';
import { WIDTH } from './layout-appeals-place.ts';
import { type AppealsLine, centreOf, lineFragments, stack, stackText } from './layout-appeals-stacks.ts';

export const LEAVES = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'] as const;
const LEAF_CHARS = new Set([...LEAVES.join('')]);
/**
 * A fragment goes on a stack within this many character slots of the stack's last fragment: header fragments (which
 * must also spell on a header word) a little further, as pdftotext shifts a line's text by a slot or two, and draws
 * a line of header pieces with single spaces between ("结果纠 其他结 尚未审") in by up to four slots against the
 * line under it ("正     果     结"). The 15 stacks must still spell 结果维持 … 总计 three times in order.
 */
export const SAME_HEADER = 4;

export const isLeafText = (text: string): boolean => [...text].every((ch) => LEAF_CHARS.has(ch));
export const startsLeaf = (text: string): boolean => LEAVES.some((w) => w.startsWith(text));

/** The 15 header columns' centres, left to right, or null when the leaf headers do not read as the template's. */
export function headerColumns(lines: readonly AppealsLine[]): { centres: number[]; lastLine: number } | null {
  const fragments = lines.flatMap(lineFragments).filter((f) => isLeafText(f.text));
  if (fragments.length === 0) return null;
  const stacks = stack(fragments, SAME_HEADER, (s, f) => startsLeaf(stackText(s) + f.text), (f) => startsLeaf(f.text));
  if (!stacks || stacks.length !== WIDTH || !stacks.every((s) => (LEAVES as readonly string[]).includes(stackText(s)))) return null;
  const sorted = [...stacks].sort((a, b) => centreOf(a) - centreOf(b));
  if (!sorted.every((s, k) => stackText(s) === LEAVES[k % LEAVES.length])) return null;
  return { centres: sorted.map(centreOf), lastLine: Math.max(...fragments.map((f) => f.line)) };
}

/** Whether every character of the three groups' leaf headers (结果维持 … 总计, three times) is among the fragments. */
export function allLeafHeaders(fragments: readonly Fragment[]): boolean {
  const count = (chars: Iterable<string>): Map<string, number> => {
    const out = new Map<string, number>();
    for (const ch of chars) out.set(ch, (out.get(ch) ?? 0) + 1);
    return out;
  };
  const have = count(fragments.filter((f) => isLeafText(f.text)).flatMap((f) => [...f.text]));
  return [...count([...LEAVES.join('').repeat(APPEALS.rows.length)])].every(([ch, n]) => (have.get(ch) ?? 0) >= n);
}
