/**
 * Table 三's figures broken in narrow cells, as `pdftotext -layout` prints an office suite's PDF: a figure wider than
 * its column breaks in its cell, and the row's cells are centred, so the row prints on two lines — its line with the
 * first digits of the wide figures beside the others, the last digit under them ("238 788 0 0 0 0 317" / "6 … 4":
 * 2386 … 3174) — or on three, the first digits above the row's other figures and the last under them ("108 … 141" /
 * "246 0 0 87 0" / "0 … 3"). The column is as wide as the table's widest figure less a digit, so every figure that
 * wide breaks, and no figure printed whole is wider than a piece (parse/layout-broken.ts reads figures broken so).
 * Drawn only where a careful reader can join them back: each broken row prints its 7 figures, and on two lines they do
 * not add up as printed (else the line under would be a row of its own); otherwise the table is printed as usual.
 */
import type { PLine, Piece, Unit } from './layout-tables.ts';
import type { BrokenFigures } from './variants.ts';

const FULL_ZERO = 0xff10;
const ascii = (text: string): string => text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - FULL_ZERO + 48));
export const isDigits = (text: string): boolean => /^\d+$/.test(ascii(text));

/** The line of a unit that prints its row's figures, or -1. */
export function figureLine(u: Unit): number {
  return u.lines.findIndex((l) => l.some((p) => p.figure !== undefined));
}

/** Figures, left to right, add up as a row (as the reader takes it): all but the last sum to the last. */
export const addsUp = (figures: readonly string[]): boolean =>
  figures.length > 1 && figures.slice(0, -1).reduce((s, f) => s + Number(ascii(f)), 0) === Number(ascii(figures.at(-1)!));

/** A line printing a row's 7 figures whole, adding up: where the reader finds the columns on its page. */
export const isFull = (line: PLine): boolean => {
  const figures = line.filter((p) => p.figure !== undefined).map((p) => p.text);
  return figures.length === 7 && addsUp(figures);
};

export interface Broken {
  units: Unit[];
  /** The units (by index) whose figures were broken, each with the unit as it was. */
  rows: Array<{ at: number; unit: Unit }>;
  /** The digits of the widest figures: those broken, after width - 1 digits. */
  width: number;
}

/**
 * Table 三's rows with their widest figures broken (`form`), or null when the table has no figure of 3 digits or
 * more, or a row printing one could not be read back (fewer than 7 figures, or on two lines adding up as printed).
 */
export function breakFigures(units: readonly Unit[], form: Exclude<BrokenFigures, 'none'>): Broken | null {
  const figures = (u: Unit): Piece[] => u.lines.flatMap((l) => l.filter((p) => p.figure !== undefined));
  const width = Math.max(0, ...units.filter((u) => u.table === 'applications').flatMap(figures).filter((p) => isDigits(p.text)).map((p) => [...p.text].length));
  if (width < 3) return null;
  const out: Unit[] = [];
  const rows: Broken['rows'] = [];
  for (const [i, u] of units.entries()) {
    const at = figureLine(u);
    const line = u.lines[at];
    const wide = (p: Piece): boolean => p.figure !== undefined && isDigits(p.text) && [...p.text].length === width;
    if (u.table !== 'applications' || line === undefined || !line.some(wide)) {
      out.push(u);
      continue;
    }
    const own = line.filter((p) => p.figure !== undefined);
    if (own.length !== 7 || !own.every((p) => isDigits(p.text))) return null;
    const head = (p: Piece): Piece => ({ ...p, text: [...p.text].slice(0, width - 1).join('') });
    const tail = (p: Piece): Piece => ({ x: p.x, text: [...p.text].at(-1)!, center: true });
    const tails: PLine = line.filter(wide).map(tail);
    let lines: PLine[];
    if (form === 'two-lines') {
      const printed = line.map((p) => (wide(p) ? head(p) : p));
      if (addsUp(printed.filter((p) => p.figure !== undefined).map((p) => p.text))) return null;
      lines = [printed, tails];
    } else {
      lines = [line.filter(wide).map((p) => ({ x: p.x, text: head(p).text, center: true })), line.filter((p) => !wide(p)), tails];
    }
    rows.push({ at: out.length, unit: u });
    out.push({ ...u, lines: [...u.lines.slice(0, at), ...lines, ...u.lines.slice(at + 1)] });
  }
  return { units: out, rows, width };
}
