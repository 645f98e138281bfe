/**
 * The synthetic PDF renderer (pipeline/synth/render-pdf.ts), read back with pdfjs-dist as the reader reads it (with
 * the bundled CMaps) and with pdf-lib for the ruled lines: a non-embedded STSong-Light CID font, text at plausible
 * positions, ruled tables with no line inside a merged cell or through any text, page numbers, forced page breaks,
 * scanned pages, narrow label columns, office-suite narrow columns and rows cut by a page break, the GBK variant, and
 * byte-identical output for the same input.
 */
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { test } from 'node:test';
import { decodePDFRawStream, PDFArray, PDFDocument, PDFRawStream } from 'pdf-lib';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TableId } from '../../pipeline/model/template.ts';
import { generate, type GenerateOptions } from '../../pipeline/synth/generate.ts';
import { buildGrid } from '../../pipeline/synth/grid.ts';
import { cutRow, cuttableRows } from '../../pipeline/synth/pdf-cut-row.ts';
import { layoutTable, type TableLayout, type TableStyle } from '../../pipeline/synth/pdf-table.ts';
import { drawPrintStyle } from '../../pipeline/synth/print.ts';
import { createRng } from '../../pipeline/synth/prng.ts';
import { renderPdf, type PdfRenderOptions } from '../../pipeline/synth/render-pdf.ts';
import type { Synthetic } from '../../pipeline/synth/types.ts';
import { docText } from '../../pipeline/synth/doc-text.ts';

const PDFJS = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const PAGE = { width: 595.28, height: 841.89 };
const PAGE_NUMBER = /^-\s?(\d+)\s?-$/;

interface Item { str: string; x: number; y: number; size: number; width: number; page: number }
interface Page { items: Item[]; images: number }
interface Rule { x1: number; y1: number; x2: number; y2: number }

async function readPdf(bytes: Uint8Array, cmaps = true): Promise<Page[]> {
  const doc = await pdfjs.getDocument({
    data: bytes.slice(),
    ...(cmaps ? { cMapUrl: `${PDFJS}/cmaps/`, cMapPacked: true } : {}),
    standardFontDataUrl: `${PDFJS}/standard_fonts/`,
    verbosity: 0,
    isEvalSupported: false,
    disableFontFace: true,
  }).promise;
  try {
    const pages: Page[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const items = content.items.flatMap((it) => ('str' in it && it.str.trim() !== ''
        ? [{ str: it.str, x: it.transform[4] as number, y: it.transform[5] as number, size: it.transform[0] as number, width: it.width, page: n }]
        : []));
      const ops = await page.getOperatorList();
      pages.push({ items, images: ops.fnArray.filter((f) => f === pdfjs.OPS.paintImageXObject).length });
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}

/** Every page's content streams, decoded (pdf-lib). */
async function readContents(bytes: Uint8Array): Promise<string[]> {
  const doc = await PDFDocument.load(bytes);
  return doc.getPages().map((page) => {
    const contents = page.node.Contents();
    const streams = contents instanceof PDFArray ? contents.asArray().map((r) => doc.context.lookup(r)) : [contents];
    return streams
      .filter((s): s is PDFRawStream => s instanceof PDFRawStream)
      .map((s) => Buffer.from(decodePDFRawStream(s).decode()).toString('latin1'))
      .join('\n');
  });
}

/** Every page's ruled segments: x1 y1 m x2 y2 l S. */
async function readRules(bytes: Uint8Array): Promise<Rule[][]> {
  return (await readContents(bytes)).map((text) => [...text.matchAll(/(-?[\d.]+) (-?[\d.]+) m\s+(-?[\d.]+) (-?[\d.]+) l\s+S/g)]
    .map((m) => ({ x1: Number(m[1]), y1: Number(m[2]), x2: Number(m[3]), y2: Number(m[4]) })));
}

/** Every page's strings as drawn (BT /F1 size Tf 1 0 0 1 x y Tm <UTF-16BE> Tj ET), before any reader merges them. */
async function readStrings(bytes: Uint8Array): Promise<Item[][]> {
  return (await readContents(bytes)).map((text, k) => [...text.matchAll(/BT\s+\/F1 ([\d.]+) Tf\s+1 0 0 1 (-?[\d.]+) (-?[\d.]+) Tm\s+<([0-9A-F]*)> Tj\s+ET/g)]
    .map((m) => {
      const str = String.fromCharCode(...(m[4]!.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));
      const size = Number(m[1]);
      return { str, x: Number(m[2]), y: Number(m[3]), size, width: [...str].reduce((w, c) => w + (c.charCodeAt(0) < 0x7f ? 0.5 : 1), 0) * size, page: k + 1 };
    }));
}

const report = (seed: number, o: GenerateOptions = {}): Synthetic => generate(seed, o);
const render = (g: Synthetic, o: PdfRenderOptions = {}): Promise<Uint8Array> => renderPdf(g.values, { narrative: g.narrative, ...o });
const all = (pages: Page[]): Item[] => pages.flatMap((p) => p.items);
const near = (a: number, b: number, eps = 0.6): boolean => Math.abs(a - b) <= eps;
const latin1 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('latin1');

test('font: STSong-Light as a non-embedded Type0/CIDFontType0 font of Adobe-GB1, text as UTF-16BE hex; no text without CMaps', async () => {
  const g = report(11);
  const bytes = await render(g);
  const raw = latin1(bytes);
  for (const part of [/\/Subtype \/Type0/, /\/BaseFont \/STSong-Light/, /\/Encoding \/UniGB-UCS2-H/, /\/Subtype \/CIDFontType0/,
    /\/Registry \(Adobe\)/, /\/Ordering \(GB1\)/, /\/Supplement 2/, /\/DW 1000/, /\/W \[ 1 95 500 \]/, /\/Ascent 880/, /\/Descent -120/,
    /\/StemV 93/, /\/FontName \/STSong-Light/]) {
    assert.match(raw, part);
  }
  assert.doesNotMatch(raw, /\/FontFile|\/ToUnicode/, 'no embedded glyphs, no ToUnicode map');
  const pages = await readPdf(bytes);
  assert.ok(all(pages).some((i) => i.str === g.values.agency));
  const hex = [...g.values.agency].map((c) => c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')).join('');
  const first = (await readContents(bytes))[0]!;
  assert.match(first, new RegExp(`BT\\s+/F1 22 Tf\\s+1 0 0 1 [\\d.]+ [\\d.]+ Tm\\s+<${hex}> Tj\\s+ET`), 'each string placed on its own');
  const blind = await readPdf(bytes, false);
  assert.ok(!all(blind).some((i) => i.str.includes(g.values.agency)), 'without the CMaps the codes do not decode');
});

test('text: title centred, narrative with its figures, table labels with their values on the same line, page numbers', async () => {
  for (const seed of [1, 2, 3, 4, 5]) {
    const g = report(seed, { blankStyle: 'zeros' });
    const pages = await readPdf(await render(g, { narrowLabels: false }));
    const items = all(pages);
    const title = pages[0]!.items[0]!;
    const { heading } = docText(g.values, g.narrative);
    assert.ok(title.str.length >= 6 && heading[0]!.startsWith(title.str), `seed ${seed}: the title's first line first (wrapped when long): "${title.str}"`);
    assert.ok(near(title.x + title.width / 2, PAGE.width / 2, 1) && title.y > 600 && title.size === 22, `seed ${seed}: title centred at the top`);
    for (const it of items) {
      assert.ok(it.x >= 70 && it.x + it.width <= PAGE.width - 72 + 16.5 && it.y > 20 && it.y < PAGE.height - 20, `seed ${seed}: "${it.str}" at ${it.x},${it.y}`);
    }
    const narrative = items.filter((i) => i.size === 16).map((i) => i.str).join('');
    assert.ok(narrative.includes(`政府信息公开申请${g.narrative.received}件`), `seed ${seed}: received`);
    assert.ok(narrative.includes(`行政复议${g.narrative.reconsideration}件`), `seed ${seed}: reconsideration`);

    const label = items.find((i) => i.str === '一、本年新收政府信息公开申请数量');
    assert.ok(label, `seed ${seed}: the received row's label`);
    const printed = items
      .filter((i) => i.page === label.page && near(i.y, label.y) && i.x > label.x + label.width)
      .sort((a, b) => a.x - b.x)
      .map((i) => Number(i.str.replace(/,/g, '')));
    const received = g.values.tables.applications.received!;
    assert.deepEqual(printed, ['natural_person', 'commercial_enterprise', 'research_institution', 'social_welfare_org', 'legal_service_org', 'other_org', 'total'].map((c) => received[c]), `seed ${seed}: the received row`);

    pages.forEach((p, k) => {
      const numbers = p.items.filter((i) => PAGE_NUMBER.test(i.str));
      assert.equal(numbers.length, 1, `seed ${seed}, page ${k + 1}: one page number`);
      const n = numbers[0]!;
      assert.equal(Number(PAGE_NUMBER.exec(n.str)![1]), k + 1);
      assert.ok(n.y < 60 && near(n.x + n.width / 2, PAGE.width / 2, 1), `seed ${seed}, page ${k + 1}: page number centred in the footer`);
    });
  }
});

/** Does the segment pass through the text's box (shrunk a little: a rule may touch a box's edge)? */
function crosses(r: Rule, i: Item): boolean {
  const x1 = i.x + 0.3;
  const x2 = i.x + i.width - 0.3;
  const y1 = i.y - 0.12 * i.size + 0.3;
  const y2 = i.y + 0.88 * i.size - 0.3;
  const [lx, hx] = [Math.min(r.x1, r.x2), Math.max(r.x1, r.x2)];
  const [ly, hy] = [Math.min(r.y1, r.y2), Math.max(r.y1, r.y2)];
  return lx < x2 && hx > x1 && ly < y2 && hy > y1;
}

test('tables are ruled line by line: horizontal and vertical segments only, none through any text or inside a merged cell', async () => {
  const cases: Array<[number, PdfRenderOptions]> = [
    [1, {}], [2, { narrowLabels: true }], [3, { breakInside: 'applications' }], [4, { runningHeader: true, breakInside: 'proactive' }],
    [5, { narrowLabels: true, breakInside: 'appeals' }], [6, {}], [7, { seed: 99 }], [8, { narrowLabels: true, runningHeader: true }],
  ];
  for (const [seed, o] of cases) {
    const bytes = await render(report(seed), o);
    const [pages, rules] = await Promise.all([readStrings(bytes), readRules(bytes)]);
    assert.ok(rules.flat().length > 60, `seed ${seed}: the tables are ruled`);
    assert.doesNotMatch(latin1(bytes), /\sre\s/, 'no rectangles: every border is a line segment');
    pages.forEach((p, k) => {
      for (const r of rules[k]!) assert.ok(near(r.x1, r.x2, 0.01) || near(r.y1, r.y2, 0.01), `seed ${seed}: axis-aligned rules`);
      for (const i of p) {
        const hit = rules[k]!.find((r) => crosses(r, i));
        assert.equal(hit, undefined, `seed ${seed}, page ${k + 1}: a rule through "${i.str}"`);
      }
    });
  }
});

test('merged cells: 申请人情况 spans the applicant columns with no rule inside; 三、本年度办理结果 spans the outcome rows', async () => {
  let vertical = 0;
  for (let seed = 20; seed < 30; seed++) {
    const bytes = await render(report(seed), { narrowLabels: false });
    const [pages, rules] = await Promise.all([readStrings(bytes), readRules(bytes)]);
    const items = pages.flat();
    const header = items.find((i) => i.str === '申请人情况');
    assert.ok(header, `seed ${seed}: 申请人情况`);
    // The vertical rules at the header's height: the nearest left and right of it bound its cell, 7 columns wide.
    const xs = rules[header.page - 1]!
      .filter((r) => near(r.x1, r.x2, 0.01) && Math.min(r.y1, r.y2) < header.y && Math.max(r.y1, r.y2) > header.y + header.size)
      .map((r) => r.x1);
    const left = Math.max(...xs.filter((x) => x < header.x));
    const right = Math.min(...xs.filter((x) => x > header.x + header.width));
    const value = items.find((i) => i.str === '一、本年新收政府信息公开申请数量' || i.str.startsWith('一、本年新收'));
    assert.ok(right - left > 200, `seed ${seed}: 申请人情况's cell is ${(right - left).toFixed(0)} pt wide, no rule inside`);
    assert.ok(value && value.x < left, `seed ${seed}: labels left of the applicant columns`);
    // One character per line, down the first column (when the seed draws the vertical label).
    const first = items.findIndex((i, n) => i.str === '三、' && items[n + 1]?.str === '本');
    if (first < 0) continue;
    vertical++;
    // The column of characters (it may run on into the cell's part on the next page).
    const x = items[first + 1]!.x + items[first + 1]!.width / 2;
    const chars = items.slice(first).filter((i) => near(i.x + i.width / 2, x, 6) && [...i.str].length <= 2).slice(0, 8);
    assert.deepEqual(chars.map((i) => i.str), ['三、', '本', '年', '度', '办', '理', '结', '果'], `seed ${seed}`);
    for (let k = 1; k < chars.length; k++) {
      const [a, b] = [chars[k - 1]!, chars[k]!];
      assert.ok(b.page > a.page || (b.page === a.page && b.y < a.y), `seed ${seed}: down the column`);
      if (k > 1) assert.ok(near(b.x + b.width / 2, x), `seed ${seed}: one column`);
    }
    const onFirst = chars.filter((c) => c.page === chars[0]!.page);
    const across = rules[chars[0]!.page - 1]!.filter((r) => near(r.y1, r.y2, 0.01) && Math.min(r.x1, r.x2) < x && Math.max(r.x1, r.x2) > x
      && r.y1 < chars[0]!.y && r.y1 > onFirst[onFirst.length - 1]!.y);
    assert.deepEqual(across, [], `seed ${seed}: no horizontal rule across 三、本年度办理结果`);
  }
  assert.ok(vertical >= 3, `the vertical label drawn in ${vertical} of 10 reports`);
});

const CAPTIONS: Record<TableId, [RegExp, RegExp]> = {
  proactive: [/^二、主动公开政府信息情况$/, /^三、收到和处理政府信息公开申请情况$/],
  applications: [/^三、收到和处理政府信息公开申请情况$/, /^四、政府信息公开行政复议、行政诉讼情况$/],
  appeals: [/^四、政府信息公开行政复议、行政诉讼情况$/, /^五、/],
};

test('breakInside: the table continues on the next page, a page number between its two parts, each part ruled shut', async () => {
  for (const [k, table] of (['proactive', 'applications', 'appeals'] as const).entries()) {
    for (const seed of [40 + k, 50 + k]) {
      const bytes = await render(report(seed, { blankStyle: 'zeros' }), { breakInside: table, narrowLabels: seed % 2 === 0 });
      const [pages, rules] = await Promise.all([readPdf(bytes), readRules(bytes)]);
      const items = all(pages);
      const [from, to] = CAPTIONS[table];
      const start = items.findIndex((i) => from.test(i.str));
      const end = items.findIndex((i, n) => n > start && to.test(i.str));
      assert.ok(start >= 0 && end > start, `${table}, seed ${seed}: captions`);
      const inside = items.slice(start + 1, end);
      const body = inside.filter((i) => !PAGE_NUMBER.test(i.str) && i.size < 12);
      const onPages = [...new Set(body.map((i) => i.page))];
      assert.equal(onPages.length, 2, `${table}, seed ${seed}: rows on two pages`);
      assert.ok(inside.some((i) => PAGE_NUMBER.test(i.str) && i.page === onPages[0]), `${table}, seed ${seed}: the page number between the parts`);
      if (table === 'appeals') {
        const values = body.filter((i) => i.page === onPages[1]);
        assert.equal(values.length, 15, `appeals, seed ${seed}: the row of values on the next page`);
      }
      for (const page of onPages) {
        // The part's top and bottom rules: horizontal segments at the part's highest and lowest y, spanning its width.
        const part = body.filter((i) => i.page === page);
        const top = Math.max(...part.map((i) => i.y));
        const low = Math.min(...part.map((i) => i.y));
        const horizontal = rules[page - 1]!.filter((r) => near(r.y1, r.y2, 0.01) && r.y1 > low - 40 && r.y1 < top + 40);
        const ys = horizontal.map((r) => r.y1);
        for (const y of [Math.max(...ys), Math.min(...ys)]) {
          const covered = horizontal.filter((r) => near(r.y1, y, 0.01)).reduce((s, r) => s + Math.abs(r.x2 - r.x1), 0);
          assert.ok(covered > 400, `${table}, seed ${seed}, page ${page}: ruled shut (${covered.toFixed(0)} pt at y ${y})`);
        }
      }
    }
  }
});

test('scanned pages: an image and no text; the other pages keep their text', async () => {
  const g = report(60);
  const plain = await readPdf(await render(g));
  const some = await readPdf(await render(g, { scanned: [2] }));
  assert.equal(some.length, plain.length);
  assert.ok(some.length >= 3);
  assert.equal(some[1]!.items.length, 0);
  assert.equal(some[1]!.images, 1);
  for (const k of [0, 2]) {
    assert.deepEqual(some[k]!.items, plain[k]!.items);
    assert.equal(some[k]!.images, 0);
  }
  const every = await readPdf(await render(g, { scanned: true }));
  assert.equal(every.length, plain.length);
  for (const p of every) assert.ok(p.items.length === 0 && p.images === 1);
});

/** For each label of tables 二 and 三: on how many lines it is printed (consecutive strings at one x, going down); 0 if not found. */
function labelLines(items: Item[], labels: string[]): number[] {
  return labels.map((label) => {
    for (const [n, a] of items.entries()) {
      if (!label.startsWith(a.str)) continue;
      let text = a.str;
      let k = n;
      while (text.length < label.length) {
        const b = items[k + 1];
        if (!b || !near(b.x, a.x) || b.y >= items[k]!.y || items[k]!.y - b.y > 2 * a.size) break;
        text += b.str;
        k++;
      }
      if (text === label) return k - n + 1;
    }
    return 0;
  });
}

test('narrowLabels: narrow label columns wrap many labels into two strings, one above the other', async () => {
  for (const seed of [70, 71, 72]) {
    const g = report(seed);
    const numbering = (['.', '、'] as const);
    const labels = [...new Set((['proactive', 'applications'] as const).flatMap((t) => numbering.flatMap((n) =>
      buildGrid(t, g.values.edition, g.values.tables[t], { numbering: n }).rows.flat().filter((c) => c.kind === 'label').map((c) => c.text))))];
    const wide = labelLines(all(await readPdf(await render(g, { narrowLabels: false }))), labels);
    const narrow = labelLines(all(await readPdf(await render(g, { narrowLabels: true }))), labels);
    const lines = (l: number[]): number => l.reduce((a, b) => a + b, 0);
    assert.ok(narrow.filter((n) => n > 0).length >= 16, `seed ${seed}: labels found`);
    assert.ok(narrow.filter((n) => n === 2).length >= 6, `seed ${seed}: labels in two strings`);
    assert.ok(lines(narrow) > lines(wide) + 5, `seed ${seed}: ${lines(narrow)} label lines when narrow, ${lines(wide)} when not`);
  }
});

/** Table 三 laid out with a plain print style, narrow (office) columns or not. */
function layout3(g: Synthetic, narrowColumns?: TableStyle['narrowColumns'], table: TableId = 'applications'): TableLayout {
  const print = drawPrintStyle(createRng(1), undefined, { digits: 'ascii', note: 'none' });
  const style: TableStyle = { size: 10.5, lineHeight: 13.65, padX: 2.5, padY: 1.5, narrowLabels: false, resultLabel: 'vertical', numbering: '.', print };
  return layoutTable(table, g.values, 440, narrowColumns ? { ...style, narrowColumns } : style);
}

test('narrowColumns: labels wrap over four to six lines and more, value columns narrower, a figure wider than its cell broken inside it', () => {
  const g = report(73);
  const wide = layout3(g);
  const narrow = layout3(g, { share: 0.7, labelEm: 3, numberAlone: false });
  const labelLineCounts = (l: TableLayout): number[] => l.cells.filter((c) => c.cell.kind === 'label' && c.col > 0).map((c) => c.lines.length);
  const over4 = (l: TableLayout): number => labelLineCounts(l).filter((n) => n >= 4).length;
  assert.ok(over4(narrow) >= 12 && over4(narrow) > over4(wide) + 8, `labels over 4+ lines: ${labelLineCounts(narrow).join(' ')}; usually ${labelLineCounts(wide).join(' ')}`);
  assert.ok(Math.max(...labelLineCounts(narrow)) >= 6);
  const valueWidth = (l: TableLayout): number => l.edges.at(-1)! - l.edges.at(-2)!;
  assert.ok(valueWidth(narrow) < valueWidth(wide) * 0.9, `value columns ${valueWidth(narrow).toFixed(0)} pt, ${valueWidth(wide).toFixed(0)} pt usually`);
  assert.ok(near(narrow.edges.at(-1)!, 440 * 0.7, 0.01), 'the table 70% of the text width');
  // Table 四's 15 columns at 80%: a five-digit figure does not fit and breaks between its digits, read back whole.
  const big = { ...g.values, tables: { ...g.values.tables, appeals: { ...g.values.tables.appeals, reconsideration: { ...g.values.tables.appeals.reconsideration, total: 12345 } } } };
  const four = layout3({ ...g, values: big }, { share: 0.8, labelEm: 3, numberAlone: false }, 'appeals');
  const total = four.cells.find((c) => c.cell.ref?.row === 'reconsideration' && c.cell.ref.column === 'total')!;
  assert.ok(total.lines.length >= 2, `"12345" on ${total.lines.length} lines`);
  assert.equal(total.lines.join(''), '12345');
  // numberAlone: a numbered label that wraps prints its number on a line of its own ("3." / "其他"), as LibreOffice may.
  const alone = layout3(g, { share: 0.8, labelEm: 3, numberAlone: true });
  const numbered = alone.cells.filter((c) => c.cell.kind === 'label' && /^\d+\./.test(c.cell.text) && c.lines.length > 1);
  assert.ok(numbered.length >= 10 && numbered.every((c) => /^\d+\.$/.test(c.lines[0]!) && c.lines.join('') === c.cell.text));
});

test('cutRow (layout): the row is cut after some lines of its label, its figures in the first part, the rest of the label in a second', () => {
  const g = report(74);
  const l = layout3(g, { share: 0.9, labelEm: 4, numberAlone: false });
  const rows = cuttableRows(l);
  assert.ok(rows.length >= 10, `${rows.length} rows can be cut`);
  const { row, keep } = rows.find((r) => r.goesOn === 'label' && r.keep.length >= 2)!;
  const cut = cutRow(l, row, keep[0]!);
  assert.equal(cut.breakBefore, row + 1);
  assert.equal(cut.layout.heights.length, l.heights.length + 1);
  assert.equal(cut.layout.breakable[row + 1], true);
  const label = (r: number) => cut.layout.cells.filter((c) => c.row === r && c.cell.kind === 'label' && c.cell.rowspan === 1).at(-1)!;
  const original = l.cells.filter((c) => c.row === row && c.cell.kind === 'label').at(-1)!;
  assert.deepEqual([...label(row).lines, ...label(row + 1).lines], original.lines);
  assert.equal(label(row).lines.length, keep[0]);
  const values = (r: number) => cut.layout.cells.filter((c) => c.row === r && c.cell.kind === 'value');
  assert.ok(values(row).every((c) => c.lines.length === 1), 'the figures in the first part');
  assert.ok(values(row + 1).length === 7 && values(row + 1).every((c) => c.lines.length === 0), 'blank boxes under them in the second');
  // The cells that span the cut row span both parts.
  for (const c of l.cells.filter((c) => c.row < row && c.row + c.cell.rowspan > row)) {
    assert.ok(cut.layout.cells.some((d) => d.row === c.row && d.col === c.col && d.cell.rowspan === c.cell.rowspan + 1));
  }
  // In narrow columns a figure broken in its cell may be what goes on: the label whole on the first page.
  const t = g.values.tables.applications;
  const big = { ...g, values: { ...g.values, tables: { ...g.values.tables, applications: { ...t, carried_over: { ...t.carried_over, total: 12345678901 } } } } };
  const narrow = layout3(big, { share: 0.7, labelEm: 3, numberAlone: false });
  const figureCut = cuttableRows(narrow).find((r) => r.goesOn === 'figure')!;
  assert.ok(figureCut, 'a row whose figure is broken in its cell can be cut through the figure');
  const through = cutRow(narrow, figureCut.row, figureCut.keep[0]!).layout;
  const total = (r: number) => through.cells.find((c) => c.row === r && c.cell.ref?.column === 'total')!;
  assert.ok(total(figureCut.row + 1).lines.length > 0 && total(figureCut.row).lines.join('') + total(figureCut.row + 1).lines.join('') === '12345678901');
});

test('cutRow (PDF): the page ends inside a row of the table, the rest of its label at the top of the next page; deterministic', async () => {
  for (const [seed, table] of [[75, 'applications'], [76, 'proactive']] as const) {
    const g = report(seed, { blankStyle: 'zeros' });
    const bytes = await render(g, { cutRow: table, narrowColumns: true });
    assert.ok(Buffer.from(bytes).equals(Buffer.from(await render(g, { cutRow: table, narrowColumns: true }))), 'same bytes');
    const items = all(await readPdf(bytes));
    const [from, to] = CAPTIONS[table];
    const start = items.findIndex((i) => from.test(i.str));
    const end = items.findIndex((i, n) => n > start && to.test(i.str));
    const body = items.slice(start + 1, end).filter((i) => !PAGE_NUMBER.test(i.str) && i.size < 12);
    const pages = [...new Set(body.map((i) => i.page))];
    assert.ok(pages.length >= 2, `${table}: on two pages or more`);
    const labels = buildGrid(table, g.values.edition, g.values.tables[table], { numbering: '.' }).rows.flat().filter((c) => c.kind === 'label').map((c) => c.text);
    // At one of the page breaks inside the table, the first string of the next page is the rest of a label (no figure,
    // no item's number, inside a template label), and the foot of the page before holds figures: the cut row's.
    const cuts = pages.slice(1).filter((page) => {
      const head = body.filter((i) => i.page === page).sort((a, b) => b.y - a.y || a.x - b.x)[0]!;
      const foot = body.filter((i) => i.page === page - 1);
      const low = Math.min(...foot.map((i) => i.y));
      return !/^(?:\d|（[一二三四五六七]）|[一二三四]、)/.test(head.str) && labels.some((l) => l.indexOf(head.str) > 0) &&
        foot.some((i) => i.y < low + 5 * 1.3 * i.size && /^\d+$/.test(i.str));
    });
    assert.equal(cuts.length, 1, `${table}: one row cut by a page break`);
  }
});

test('GBK variant: GBK-EUC-H codes, the same text at the same places', async () => {
  const g = report(80);
  const [ucs2, gbk] = await Promise.all([render(g, { font: 'ucs2' }), render(g, { font: 'gbk' })]);
  assert.match(latin1(gbk), /\/Encoding \/GBK-EUC-H/);
  assert.match(latin1(gbk), /\/W \[ 814 907 500 7716 7716 500 \]/);
  assert.ok(!Buffer.from(gbk).equals(Buffer.from(ucs2)));
  const a = await readPdf(ucs2);
  const b = await readPdf(gbk);
  assert.deepEqual(b.map((p) => p.items.map((i) => [i.str, i.x, i.y, i.width])), a.map((p) => p.items.map((i) => [i.str, i.x, i.y, i.width])));
});

test('deterministic: the same report and options give the same bytes; another seed other bytes', async () => {
  for (const seed of [90, 91]) {
    const g = report(seed);
    const o: PdfRenderOptions = { breakInside: 'applications', runningHeader: true, scanned: [1] };
    const a = await render(g, o);
    const b = await renderPdf(structuredClone(g.values), { narrative: { ...g.narrative }, ...o });
    assert.ok(Buffer.from(a).equals(Buffer.from(b)), `seed ${seed}`);
    const c = await render(g, { ...o, seed: 12345 });
    assert.ok(!Buffer.from(a).equals(Buffer.from(c)), `seed ${seed}: another rendering seed`);
  }
});
