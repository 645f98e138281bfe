/**
 * A column header of table 三 wrapped over several lines of layout text ("自然 / 人", "社会 / 公 / 益组 / 织"): its
 * pieces stand at about the same character position (or centred under each other: "商业企 / 业") on successive lines.
 * Find every stack of pieces, one per line, each within a slot of the one above and at most two lines below it, that
 * reads a given word top to bottom. Used by layout-header.ts and layout-cut-header.ts. Pure.
 */
import type { Fragment } from './layout-lines.ts';
import { normalizeText } from './normalize.ts';

/** A piece goes on a stack within this many character slots of the piece above (its start or its centre)… */
export const SAME_COLUMN = 1;
/** …at most this many lines below it. */
export const NEXT_LINES = 2;

export const centreOf = (f: Fragment): number => f.x + [...f.text.trim()].length / 2;

/** Every stack of fragments that reads `word` exactly, top to bottom, as the pieces' centres. */
export function stacksReading(word: string, lines: ReadonlyArray<readonly Fragment[]>): Array<number[] & { drawnIn?: boolean }> {
  const found: Array<number[] & { drawnIn?: boolean }> = [];
  const extend = (k: number, f: Fragment, read: string, centres: number[] & { drawnIn?: boolean }): void => {
    const text = read + normalizeText(f.text);
    if (!word.startsWith(text)) return;
    const here: number[] & { drawnIn?: boolean } = Object.assign([...centres, centreOf(f)], { drawnIn: centres.drawnIn === true || /\S\s\S/.test(f.cell.text.trim()) && f.text.trim() !== f.cell.text.trim() });
    if (text === word) {
      found.push(here);
      return;
    }
    for (let j = k + 1; j < lines.length; j++) {
      const below = lines[j]!;
      if (below.length === 0) continue;
      if (below[0]!.line - f.line > NEXT_LINES) break;
      // Header cells are centred: a shorter last piece stands a slot or two right of the one above, centred under it.
      for (const g of below) if (Math.abs(g.x - f.x) <= SAME_COLUMN || Math.abs(centreOf(g) - centreOf(f)) <= SAME_COLUMN) extend(j, g, text, here);
    }
  };
  lines.forEach((line, k) => line.forEach((f) => extend(k, f, '', [])));
  return found;
}
