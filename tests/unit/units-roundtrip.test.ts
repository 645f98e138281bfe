/**
 * Round trips of synthetic reports whose table 二 states its amounts in 元 (header, note above, note below), in every
 * table rendering: the amount comes back in 万元, exactly, with unit 元 and the 元 figure as raw. Flattened page text
 * may leave a glued row unread, never read wrong. Amounts printed in 元 with no unit stated (forced, never drawn) read
 * as 万元 and are flagged value.unit_doubtful, each one. Plus the CLI: validate flags value.unit_doubtful, and only there.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { ingest } from '../../pipeline/ingest/index.ts';
import type { AnnualReport } from '../../pipeline/model/report.ts';
import { parseDocument } from '../../pipeline/parse/index.ts';
import { compareCells } from '../../pipeline/synth/compare.ts';
import { generate } from '../../pipeline/synth/generate.ts';
import { renderBytes, type SynthRendering } from '../../pipeline/synth/index.ts';
import { drawPrintStyle, type StatedYuan, unitRng } from '../../pipeline/synth/print.ts';
import { createRng } from '../../pipeline/synth/prng.ts';
import { renderFlatText } from '../../pipeline/synth/render-flat-text.ts';
import type { CompactReport, Synthetic } from '../../pipeline/synth/types.ts';
import { validate } from '../../pipeline/validate/index.ts';
import { tabReport, tabReportHtml } from '../helpers/tab-report.ts';
import { scratchDir } from '../helpers/scratch.ts';

const VARIANTS: StatedYuan[] = ['header', 'note-above', 'note-below'];
const RENDERINGS: Array<SynthRendering | 'flat-text'> = ['word-text', 'html', 'html-word', 'docx', 'pdf', 'pdftotext-layout', 'flat-text'];

function amountOf(values: CompactReport): { row: string; column: string; value: number | null } {
  const [row, column] = values.edition === '2019' ? ['centralized_procurement', 'procurement_amount_10k_yuan'] : ['administrative_fees', 'fee_amount_10k_yuan'];
  const v = values.tables.proactive[row]?.[column];
  return { row, column, value: typeof v === 'number' ? v : null };
}

/** The first seed whose rendering states 元 in this way and prints a non-zero amount with decimals in 万元. */
function seedFor(rendering: string, variant: StatedYuan): Synthetic {
  for (let seed = 0; seed < 500; seed++) {
    const g = generate(seed);
    const { value } = amountOf(g.values);
    if (value === null || Number.isInteger(value)) continue;
    if (drawPrintStyle(createRng(0), unitRng(g.values, rendering)).statedYuan === variant) return g;
  }
  throw new Error(`no seed below 500 prints ${rendering} with 元 in its ${variant}`);
}

async function render(rendering: SynthRendering | 'flat-text', g: Synthetic): Promise<Uint8Array> {
  if (rendering === 'flat-text') return new TextEncoder().encode(renderFlatText(g.values, { narrative: g.narrative }));
  return renderBytes(rendering, g.values, { narrative: g.narrative });
}

for (const rendering of RENDERINGS) {
  test(`round trip, amounts stated in 元: ${rendering}`, async () => {
    // PDF is slow to read: one variant (the note row below the table, the layout the other renderings cover too).
    for (const variant of rendering === 'pdf' ? (['note-below'] as StatedYuan[]) : VARIANTS) {
      const g = seedFor(rendering, variant);
      const report: AnnualReport = parseDocument(await ingest(await render(rendering, g), `units.${rendering === 'flat-text' ? 'txt' : rendering}`));
      const { row, column, value } = amountOf(g.values);
      const cell = report.tables.proactive[row]![column]!;
      const what = `${rendering}, ${variant}, ${g.values.id}`;
      const mismatches = compareCells(g.values, report);
      if (rendering === 'flat-text') {
        // Lossy: a row whose glued digits split several ways is left unread (text), never read wrong.
        assert.deepEqual(mismatches.filter((m) => !m.found.startsWith('text')), [], what);
        if (cell.kind === 'text') continue;
      } else {
        assert.deepEqual(mismatches, [], what);
      }
      assert.equal(cell.value, value, what);
      assert.equal(cell.unit, '元', what);
      // As printed, in whatever digits the rendering uses (full-width, or grouped with spaces: pipeline/synth/variants.ts).
      const printed = (cell.raw ?? '').normalize('NFKC').replace(/\s/g, '');
      assert.match(printed, /^\d+元?$/, `${what}: raw is the 元 figure as printed`);
      assert.equal(Number(printed.replace('元', '')), Math.round(value! * 10_000), what);
    }
  });
}

test('CLI: validate reads the amount a header states in 元 without a flag, and flags one with no unit (exit 0)', () => {
  const root = resolve(import.meta.dirname, '../..');
  const dir = scratchDir('xxgk-units-');
  const cell = 'proactive.centralized_procurement.procurement_amount_10k_yuan';
  const report = (agency: string) => tabReport({ edition: '2019', agency, cells: { [cell]: '8810055' } });
  const stated = join(dir, 'stated.html');
  writeFileSync(stated, tabReportHtml(report('甲市档案局').replace('\t采购总金额', '\t采购总金额（元）')));
  const bare = join(dir, 'bare.html');
  writeFileSync(bare, tabReportHtml(report('乙市档案局')));
  const r = spawnSync(process.execPath, [join(root, 'bin/xxgk.js'), 'validate', '--format', 'json', stated, bare], { cwd: root, encoding: 'utf8' });
  assert.equal(r.status, 0, `a warning does not fail: ${r.stderr}`);
  const results: Array<{ issues: Array<{ rule: string; severity: string; expected: unknown }> }> = JSON.parse(r.stdout);
  const doubtful = results.map((x) => x.issues.filter((i) => i.rule === 'value.unit_doubtful'));
  assert.deepEqual(doubtful[0], [], 'stated in 元: converted, not flagged');
  assert.deepEqual(doubtful[1]!.map((i) => [i.severity, i.expected]), [['warning', '881.0055 (if printed in 元)']]);
});

/** The first seed of this edition whose rendering states no unit and whose amount is above 100 万元. */
function largeAmountSeed(rendering: string, edition: '2019' | '2021'): Synthetic {
  for (let seed = 0; seed < 500; seed++) {
    const g = generate(seed);
    const { value } = amountOf(g.values);
    if (g.values.edition !== edition || value === null || value * 10_000 <= 1_000_000) continue;
    if (drawPrintStyle(createRng(0), unitRng(g.values, rendering)).statedYuan === 'none') return g;
  }
  throw new Error(`no ${edition} seed below 500 prints ${rendering} with no unit and an amount above 100 万元`);
}

for (const rendering of ['html', 'word-text', 'docx'] as const) {
  test(`round trip, an amount printed in 元 with no unit stated: read as 万元 and flagged value.unit_doubtful, never silently (${rendering})`, async () => {
    for (const edition of ['2019', '2021'] as const) {
      const g = largeAmountSeed(rendering, edition);
      const bytes = await renderBytes(rendering, g.values, { narrative: g.narrative, variants: { unstatedYuan: true } });
      const report = parseDocument(await ingest(bytes, `units.${rendering === 'word-text' ? 'txt' : rendering}`));
      const { row, column, value } = amountOf(g.values);
      const what = `${rendering}, ${g.values.id}`;
      const cell = report.tables.proactive[row]![column]!;
      assert.equal(cell.value, Math.round(value! * 10_000), `${what}: the 元 figure, read in the template's 万元`);
      const flagged = validate(report).issues.filter((i) => i.rule === 'value.unit_doubtful');
      assert.deepEqual(flagged.filter((i) => i.row === row && i.column === column).map((i) => i.expected), [`${value} (if printed in 元)`], what);
      // Every cell the option changed is one the validator flags: nothing is wrong silently.
      const wrong = compareCells(g.values, report).filter((m) => !flagged.some((i) => m.cell === `${i.table}.${i.row}.${i.column}`));
      assert.deepEqual(wrong, [], what);
    }
  });
}
