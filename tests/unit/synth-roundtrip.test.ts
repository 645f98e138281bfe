/**
 * Round trip per rendering: generate → render → ingest → parseDocument → every cell equals the generated value
 * (null ↔ blank, '-' ↔ not applicable, a row not printed ↔ absent/derived), and agency, year, edition, date and the
 * narrative figures come back.
 *
 * Cases hit by a known parser limitation are marked TODO with the reason (they do not fail the run; they pass again
 * once the parser handles them). A mismatch no known limitation explains fails the test.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ingest } from '../../pipeline/ingest/index.ts';
import { parseDocument } from '../../pipeline/parse/index.ts';
import { compareCells, compareMeta } from '../../pipeline/synth/compare.ts';
import { generate, type GenerateOptions } from '../../pipeline/synth/generate.ts';
import { renderBytes, SYNTH_RENDERINGS, type SynthRendering } from '../../pipeline/synth/index.ts';
import { renderHtml } from '../../pipeline/synth/render-html.ts';
import type { CompactReport, Synthetic } from '../../pipeline/synth/types.ts';

/** Seeds as drawn (any blank style, any layout of （六）), then seeds printing every zero (fewer blank cells). */
const CASES: Array<[number, GenerateOptions]> = [
  ...Array.from({ length: 16 }, (_, i): [number, GenerateOptions] => [i, {}]),
  ...Array.from({ length: 8 }, (_, i): [number, GenerateOptions] => [100 + i, { blankStyle: 'zeros' }]),
];
const CELL_TEXT: SynthRendering[] = ['word-text', 'word-text-gbk', 'html', 'html-gbk', 'docx'];

const rowsOf = (v: CompactReport): Array<Array<number | string | null>> =>
  Object.values(v.tables).flatMap((t) => Object.values(t).map((cells) => Object.values(cells)));

/** Parser limitations found by these round trips (reported; not worked around in the renderers). */
const KNOWN: Array<{ reason: string; applies: (r: SynthRendering, v: CompactReport) => boolean }> = [
  {
    reason: 'html-word: Word’s trailer row (<![if !supportMisalignedColumns]><tr height=0> with one empty <td> per grid column) is read as a table row; table 四 then has 30 figures',
    applies: (r) => r === 'html-word',
  },
  {
    reason: '2021 edition: the row "（六）其他处理 | 1.申请人无正当理由逾期不补正…" is read as （六）其他处理 itself, so other.no_correction comes out absent',
    applies: (r, v) => CELL_TEXT.includes(r) && v.edition === '2021' && v.tables.applications['other.no_correction'] !== undefined,
  },
  {
    reason: 'word text and layout text: a row whose value cells are all blank is not found ("row … not found")',
    applies: (r, v) => ['word-text', 'word-text-gbk', 'pdftotext-layout'].includes(r) && rowsOf(v).some((row) => row.every((x) => x === null)),
  },
  {
    reason: 'layout text: blank cells in a row of table 三 or 四 shift the other values (placed by order, not by x position)',
    applies: (r, v) => r === 'pdftotext-layout' && [v.tables.applications, v.tables.appeals].some((t) => Object.values(t).some((c) => Object.values(c).includes(null))),
  },
];

async function roundTrip(g: Synthetic, bytes: Uint8Array, name: string, structured: boolean): Promise<string[]> {
  try {
    const report = parseDocument(await ingest(bytes, name));
    const meta = compareMeta(g.values, report, structured ? undefined : g.narrative);
    return [...compareCells(g.values, report), ...meta].map((m) => `${m.cell}: expected ${m.expected}, found ${m.found}`);
  } catch (err) {
    return [`parse failed: ${(err as Error).message}`];
  }
}

const label = (seed: number, o: GenerateOptions): string => `seed ${seed}${o.blankStyle ? ` (${o.blankStyle})` : ''}`;

for (const rendering of SYNTH_RENDERINGS) {
  test(`round trip: ${rendering}`, async (t) => {
    for (const [seed, options] of CASES) {
      await t.test(label(seed, options), async (st) => {
        const g = generate(seed, options);
        const bytes = await renderBytes(rendering, g.values, { narrative: g.narrative });
        const problems = await roundTrip(g, bytes, `synthetic-${seed}.${rendering}`, rendering === 'json' || rendering === 'yaml');
        const known = KNOWN.filter((k) => k.applies(rendering, g.values));
        if (problems.length > 0 && known.length > 0) st.todo(known.map((k) => k.reason).join(' / '));
        assert.deepEqual(problems, [], `${rendering}, ${label(seed, options)}`);
      });
    }
  });
}

test('round trip: Word export without Word’s trailer row, standalone and inside a page', async (t) => {
  for (const [seed, options] of CASES) {
    for (const chrome of [false, true]) {
      await t.test(`${label(seed, options)}${chrome ? ', in page chrome' : ''}`, async (st) => {
        const g = generate(seed, options);
        const html = renderHtml(g.values, { narrative: g.narrative, wordExport: true, chrome, wordTrailerRow: false }) as string;
        const problems = await roundTrip(g, new TextEncoder().encode(html), `synthetic-${seed}.htm`, false);
        const known = KNOWN.slice(1).filter((k) => k.applies('html', g.values));
        if (problems.length > 0 && known.length > 0) st.todo(known.map((k) => k.reason).join(' / '));
        assert.deepEqual(problems, [], label(seed, options));
      });
    }
  }
});
