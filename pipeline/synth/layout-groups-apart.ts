/**
 * Figures printed with their digit groups apart, as `pdftotext -layout` prints a figure grouped by an ideographic or
 * no-break space ("2    304", "21 171      100"): the groups stand apart like figures of their own. Drawn only where
 * a careful reader can join them back (parse/layout-thousands.ts): in table 二's rows of one cell, and in table 三's
 * rows printing their 7 figures where exactly one way of joining groups into 7 figures adds up (the six applicant
 * columns to 总计); other figures are printed as usual.
 */
import { addsUp } from './layout-broken-figures.ts';
import type { Piece, Unit } from './layout-tables.ts';

/** "2304" → "2    304" (gaps drawn by `gap`, one per space between groups); null below 1000 or not plain digits. */
function apart(text: string, gap: () => number): string | null {
  const m = /^(\d{4,})(\.\d+)?$/.exec(text);
  if (m === null) return null;
  return m[1]!.replace(/\B(?=(\d{3})+$)/g, () => ' '.repeat(gap())) + (m[2] ?? '');
}

/** The number of ways to read `tokens` (digit groups and figures, left to right) as `n` figures that add up. */
function readings(tokens: readonly string[], n: number): number {
  let count = 0;
  const walk = (at: number, figures: string[]): void => {
    if (count > 1) return;
    if (at === tokens.length) {
      if (figures.length === n && addsUp(figures)) count++;
      return;
    }
    walk(at + 1, [...figures, tokens[at]!]);
    const last = figures.at(-1);
    if (last !== undefined && /^\d{3}$/.test(tokens[at]!) && /^\d+$/.test(last)) {
      walk(at + 1, [...figures.slice(0, -1), `${last}${tokens[at]}`]);
    }
  };
  walk(0, []);
  return count;
}

/** The units with the figures of 1000 and more printed with their groups apart where they read back one way. */
export function groupsApart(units: readonly Unit[], gap: () => number): Unit[] {
  return units.map((u) => {
    if (u.table !== 'proactive' && u.table !== 'applications') return u;
    const at = u.lines.findIndex((l) => l.some((p) => p.figure !== undefined));
    const line = u.lines[at];
    if (line === undefined) return u;
    const own = line.filter((p) => p.figure !== undefined);
    if (u.table === 'proactive' && u.cells !== 1) return u;
    if (own.length !== (u.table === 'proactive' ? 1 : 7) || !own.some((p) => /^\d{4,}(?:\.\d+)?$/.test(p.text))) return u;
    const printed = line.map((p): Piece => {
      const text = p.figure === undefined ? null : apart(p.text, gap);
      return text === null ? p : { ...p, text };
    });
    if (u.table === 'applications') {
      const tokens = printed.filter((p) => p.figure !== undefined).flatMap((p) => p.text.split(/ +/));
      if (readings(tokens, 7) !== 1) return u;
    }
    return { ...u, lines: u.lines.map((l, i) => (i === at ? printed : l)) };
  });
}
