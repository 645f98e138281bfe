/**
 * Table 四 of a lossy rendering, its splits chosen by the results the report's text states (issue 11, real reports as
 * text): "政府信息公开行政复议351件，其中结果维持72件，结果纠正64件，其他结果178件，尚未审结37件；政府信息公开行政诉讼46件，
 * 其中结果维持25件，结果纠正5件，其他结果9件，尚未审结7件" — the figures of a real report (淮安市人民政府 2024), restated
 * here in a flattened page text written for this test. Glued, "…1 26 12 1 1 6 20" keeps the groups' totals also as
 * "1|2|1|16|20" (and more): the totals the text states do not tell them apart, the results it states do.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ingest } from '../../pipeline/ingest/index.ts';
import { parseDocument } from '../../pipeline/parse/index.ts';
import { readAppealResults } from '../../pipeline/parse/narrative.ts';
import { tabReport } from '../helpers/tab-report.ts';

const GROUPS = ['reconsideration', 'litigation_direct', 'litigation_after_reconsideration'];
const RESULTS = ['upheld', 'corrected', 'other', 'pending', 'total'];
const FIGURES = [72, 64, 178, 37, 351, 13, 4, 8, 1, 26, 12, 1, 1, 6, 20];
const SENTENCE = '政府信息公开行政复议351件，其中结果维持72件，结果纠正64件，其他结果178件，尚未审结37件；政府信息公开行政诉讼46件，其中结果维持25件，结果纠正5件，其他结果9件，尚未审结7件。';

/** A flattened page text: each table row one line, its cells glued; the narrative sentence given. */
function page(sentence: string): string {
  const cells: Record<string, string> = {};
  GROUPS.forEach((g, i) => RESULTS.forEach((r, j) => (cells[`appeals.${g}.${r}`] = String(FIGURES[i * 5 + j]))));
  return tabReport({ agency: '淮安市人民政府', year: 2024, cells })
    .replace(/^2024年，本机关共收到.*$/m, sentence)
    .split('\n').map((l) => l.replaceAll('\t', '')).join('\n');
}

const appeals = async (text: string) => parseDocument(await ingest(new TextEncoder().encode(text), 'page.txt')).tables.appeals;

test('the results the text states for 行政复议 and 行政诉讼 are read clause by clause', () => {
  const at = { line: 1 };
  const figures = readAppealResults([{ text: SENTENCE.slice(0, 40), at }, { text: SENTENCE.slice(40), at }]);
  assert.deepEqual(figures.map((f) => `${f.key}=${f.value}`), [
    'reconsideration.upheld=72', 'reconsideration.corrected=64', 'reconsideration.other=178', 'reconsideration.pending=37',
    'litigation.upheld=25', 'litigation.corrected=5', 'litigation.other=9', 'litigation.pending=7',
  ]);
  // A result of another clause (after ；) is not 行政复议's.
  assert.deepEqual(readAppealResults([{ text: '行政复议3件；其中结果维持2件', at }]), []);
});

test('flattened text: table 四\'s splits chosen by the results the text states, exactly; without them, or against them, flagged', async () => {
  const text = page(SENTENCE);
  assert.match(text, /^726417837351134812612116 ?20$/m);
  const told = await appeals(text);
  GROUPS.forEach((g, i) => RESULTS.forEach((r, j) => {
    const cell = told[g]![r]!;
    assert.deepEqual([cell.kind, cell.value], ['inferred', FIGURES[i * 5 + j]], `${g}.${r}`);
    assert.ok(cell.inferredBy!.includes('narrative.litigation_results'), `${g}.${r}`);
  }));
  // The totals alone ("行政复议351件…行政诉讼46件") leave 复议后起诉's results open: flagged, with the splits.
  const totalsOnly = await appeals(page('政府信息公开行政复议351件；政府信息公开行政诉讼46件。'));
  assert.equal(totalsOnly.litigation_after_reconsideration!.upheld!.kind, 'text');
  assert.match(totalsOnly.litigation_after_reconsideration!.upheld!.note!, /splits \d+ ways that fit the template's arithmetic/);
  // Results no split agrees with (结果维持26件) are not used: the totals choose as before, the rest stays flagged.
  const against = await appeals(page(SENTENCE.replace('结果维持25件', '结果维持26件')));
  assert.equal(against.litigation_after_reconsideration!.upheld!.kind, 'text');
  assert.equal(against.reconsideration!.total!.value, 351);
  assert.ok(!against.reconsideration!.total!.inferredBy!.includes('narrative.litigation_results'));
});

test('round trip: flattened page text whose narrative states table 四\'s results — never wrong, fewer of table 四\'s cells flagged', async () => {
  const { generate } = await import('../../pipeline/synth/generate.ts');
  const { renderFlatText } = await import('../../pipeline/synth/render-flat-text.ts');
  const { compareCells } = await import('../../pipeline/synth/compare.ts');
  const flaggedAppeals = { totals: 0, results: 0 };
  for (let seed = 0; seed < 40; seed++) {
    const g = generate(seed);
    for (const results of [false, true]) {
      const text = renderFlatText(g.values, { narrative: g.narrative, appealResults: results });
      if (results) assert.match(text, /行政复议\d+件，其中结果维持\d+件，结果纠正\d+件，其他结果\d+件，尚未审结\d+件；/);
      const report = parseDocument(await ingest(new TextEncoder().encode(text), `synthetic-${seed}.txt`));
      const mismatches = compareCells(g.values, report);
      const wrong = mismatches.filter((m) => !m.found.startsWith('text') && !(m.expected === 'blank' && m.found === 'absent') && !m.cell.includes('row_missing'));
      assert.deepEqual(wrong, [], `seed ${seed}${results ? ', results stated' : ''}`);
      flaggedAppeals[results ? 'results' : 'totals'] += mismatches.filter((m) => m.cell.startsWith('appeals.') && m.found.startsWith('text')).length;
    }
  }
  assert.ok(flaggedAppeals.results < flaggedAppeals.totals, JSON.stringify(flaggedAppeals));
});
