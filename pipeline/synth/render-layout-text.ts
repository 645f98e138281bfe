/**
 * Layout text: what `pdftotext -layout` makes of a report's PDF. Title centred; narrative wrapped at about 30
 * Chinese characters with spaces around numbers ("2024 年"); tables as label + values at column positions; page
 * numbers ("-3-") on their own line at the foot of each page, one of them inside table 三; a form feed before
 * each new page.
 */
import { TABLE_IDS } from '../model/template.ts';
import { type Block, docText } from './doc-text.ts';
import { encodeText, type TextEncoding } from './encode.ts';
import { narrativeFigures } from './generate.ts';
import { appealsUnits, applicationsUnits, type LayoutStyle, type PLine, proactiveUnits, type Unit } from './layout-tables.ts';
import { breakFigures } from './layout-broken-figures.ts';
import { groupsApart } from './layout-groups-apart.ts';
import { cutFigure, cutHeader, cutLabel, type CutUnits, hasFullRows } from './layout-cut-row.ts';
import { line, spaceAscii, wrapNarrative } from './layout-line.ts';
import { drawPrintStyle, unitRng } from './print.ts';
import { createRng, hashString, renderRng, type Rng } from './prng.ts';
import type { CompactReport, NarrativeFigures } from './types.ts';
import { drawVariants, type Variants } from './variants.ts';
import { displayWidth } from './wrap.ts';

export interface LayoutRenderOptions {
  narrative?: NarrativeFigures;
  seed?: number;
  encoding?: TextEncoding;
  /** Lines per page (default: drawn, 38–46). */
  pageLines?: number;
  /** Force variants (variants.ts); layout text prints full-width digits and shifted sections, the others not. */
  variants?: Partial<Variants>;
}

function drawStyle(rng: Rng, units: Rng, variants: Variants): LayoutStyle {
  return {
    rowGap: rng.chance(0.5) ? 1 : 0,
    wrapValues: rng.chance(0.5) ? 'middle' : 'after',
    groupLabel: rng.pick(['inline', 'own-line', 'split'] as const),
    resultLabel: rng.pick(['vertical', 'spaced', 'plain'] as const),
    numbering: rng.chance(0.25) ? '、' : '.',
    first: rng.int(50, 56),
    step: rng.int(7, 9),
    // Full-width digits as pdftotext prints them, and a note in its cell ("12（含转办3件）", "12*" with the footnote
    // under the table); padding spaces are not drawn into the columns.
    print: { ...drawPrintStyle(rng, units, { digits: variants.digits === 'full-width' ? 'full-width' : 'ascii', note: variants.note }), thousands: false },
  };
}

function render(pl: PLine): string {
  const l = line();
  const placed = pl.map((p) => ({ x: p.center ? Math.max(0, p.x - Math.floor(displayWidth(p.text) / 2)) : p.x, text: p.text }));
  for (const p of placed.sort((a, b) => a.x - b.x)) l.at(p.x, p.text);
  return l.toString();
}

function narrativeUnits(blocks: Block[], width: number): Unit[] {
  const units: Unit[] = [];
  for (const b of blocks) {
    const indent = 3;
    wrapNarrative(b.text, width, 2).forEach((text, i) => units.push({ table: null, lines: [[{ x: i === 0 ? indent : 0, text }]] }));
  }
  return units;
}

/** Pages of units; a page never splits a unit. `breakBefore` forces a new page at those units. */
function paginate(units: Unit[], pageLines: number, breakBefore: readonly number[]): Unit[][] {
  const pages: Unit[][] = [[]];
  let used = 0;
  units.forEach((u, i) => {
    const n = u.lines.length;
    if ((used + n > pageLines || breakBefore.includes(i)) && used > 0) {
      pages.push([]);
      used = 0;
    }
    pages[pages.length - 1]!.push(u);
    used += n;
  });
  return pages;
}

/**
 * The office-suite variants drawn (variants.ts): table 三's figures broken in their cells (applied to the units in
 * place), and the ways to cut a row by a page break, each the units that would then be printed and the one that
 * must start a page. Each only where it can be read back.
 */
function officeVariants(units: Unit[], variants: Variants, rng: Rng): CutUnits[] {
  const form = variants.cutRow === 'figure' ? 'two-lines' : variants.brokenFigures;
  const broken = form === 'none' ? null : breakFigures(units, form);
  if (broken !== null) units.splice(0, units.length, ...broken.units);
  // Digit groups apart where no figure is broken (a figure breaks where its column is full, not at its groups).
  else if (variants.groupsApart) units.splice(0, units.length, ...groupsApart(units, () => rng.weighted([[2, 2], [3, 1], [4, 2], [6, 1]])));
  if (variants.cutRow === 'label') return cutLabel(units, rng.int(0, 99));
  if (variants.cutRow === 'figure' && broken !== null) return cutFigure(broken, rng.int(0, 99));
  return [];
}

export function renderLayoutText(values: CompactReport, opts: LayoutRenderOptions = {}): string | Uint8Array {
  const rng = renderRng(values, 'pdftotext-layout', opts.seed);
  const variants = drawVariants(values, 'pdftotext-layout', opts.seed, opts.variants);
  const style = drawStyle(rng, unitRng(values, 'pdftotext-layout', opts.seed), variants);
  // Drawn apart from the rendering's generator, so no other draw moves.
  if (variants.narrowLabels) style.labelChars = createRng(hashString(`narrow-labels|${values.agency}|${values.year}`, opts.seed ?? 0)).int(4, 8);
  if (variants.marginHeading) style.indent = 14;
  if (variants.gluedLabels) style.gluedLabels = true;
  if (variants.stretchedLine) style.stretch = createRng(hashString(`stretch|${values.agency}|${values.year}`, opts.seed ?? 0)).int(35, 70) / 100;
  const text = docText(values, opts.narrative ?? narrativeFigures(values), variants);
  const width = rng.int(28, 30) * 2;
  const center = Math.floor(width / 2) + 2;
  const titleUnits: Unit[] = text.heading.map((line, i) => ({
    table: null,
    lines: [[{ x: center, text: spaceAscii(line), center: true }], ...(i === text.heading.length - 1 ? [[], []] : [])],
  }));
  const units: Unit[] = [...titleUnits, ...narrativeUnits(text.before, width)];
  for (const id of TABLE_IDS) {
    units.push({ table: null, lines: [[{ x: rng.pick([0, 5, 18]), text: text.tableHeadings[id] }]] });
    const t = values.tables[id];
    if (id === 'proactive') units.push(...proactiveUnits(rng, style, values.edition, t));
    else if (id === 'applications') units.push(...applicationsUnits(rng, style, values.edition, t));
    else units.push(...appealsUnits(style, t));
  }
  units.push(...narrativeUnits(text.after, width));
  units.push({ table: null, lines: [[], [{ x: width - displayWidth(text.agency), text: text.agency }]] });
  if (text.date) {
    const date = spaceAscii(text.date);
    units.push({ table: null, lines: [[{ x: width - displayWidth(date) - 2, text: date }]] });
  }

  // Page numbers printed bare ("3") now and then: drawn apart from the rendering's generator, so no other draw moves.
  const bare = createRng(hashString(`page-numbers|${values.agency}|${values.year}|${values.edition}`, opts.seed ?? 0)).chance(0.25);
  // Paginate; if no page ends inside table 三, end one there (a table row does not split, so pages end early).
  const pageLines = opts.pageLines ?? rng.int(38, 46);
  const officeRng = createRng(hashString(`layout-office|${values.agency}|${values.year}|${values.edition}`, opts.seed ?? 0));
  const cuts = officeVariants(units, variants, officeRng);
  const pick = officeRng.int(0, 99);
  // A row cut by a page break (the first way that the reader can take back, if any) ends its page there. Not the
  // last digit of a figure when page numbers print bare: the reader cannot tell "3" at a page's foot from a figure.
  // Else table 三's header cut, if drawn.
  const cut = cuts.map((c) => ({ c, pages: paginate(c.units, pageLines, [c.breakBefore]) }))
    .find(({ c, pages }) => variants.cutRow !== 'figure' || (!bare && hasFullRows(pages, c.units[c.breakBefore]!)))
    ?? (variants.cutHeader ? cutHeader(units, pick).map((c) => ({ c })).at(0) : undefined);
  if (cut !== undefined) units.splice(0, units.length, ...cut.c.units);
  const breakBefore = cut === undefined ? [] : [cut.c.breakBefore];
  const apps = units.map((u, i) => (u.table === 'applications' ? i : -1)).filter((i) => i >= 0);
  let pages = paginate(units, pageLines, breakBefore);
  const breaksInApps = (): boolean => pages.some((p, k) => k > 0 && p[0]!.table === 'applications' && pages[k - 1]!.at(-1)!.table === 'applications');
  if (!breaksInApps()) pages = paginate(units, pageLines, [...breakBefore, apps[Math.floor(apps.length * rng.int(4, 7) / 10)]!]);

  const out: string[] = [];
  const numberX = (k: number): number => (k % 2 === 0 ? center + rng.int(-2, 16) : rng.int(0, 6));
  pages.forEach((page, k) => {
    const lines = page.flatMap((u) => u.lines.map(render));
    if (k > 0) lines[0] = `\f${lines[0] ?? ''}`;
    out.push(...lines);
    const used = page.reduce((s, u) => s + u.lines.length, 0);
    out.push(...Array<string>(Math.min(3, Math.max(1, pageLines - used))).fill(''));
    out.push(`${' '.repeat(numberX(k))}${bare ? k + 1 : `-${k + 1}-`}`);
  });
  out.push('\f');
  return encodeText(out.join('\n'), opts.encoding);
}
