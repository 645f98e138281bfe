/**
 * Office-suite PDFs of generated reports (bench/office-pdf.ts: .docx → LibreOffice → PDF → `pdftotext -layout`), kept
 * as layout text under tests/fixtures/office-layout/ (seed-N: generate(N) laid out by drawOfficePage(N)), one per
 * cause that once left cells flagged or the report refused: each must now read every cell exactly, as generated.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { ingest } from '../../pipeline/ingest/index.ts';
import { parseDocument } from '../../pipeline/parse/index.ts';
import { compareCells } from '../../pipeline/synth/compare.ts';
import { generate } from '../../pipeline/synth/generate.ts';

const read = async (seed: number) => {
  const name = `seed-${seed}.pdftotext-layout.txt`;
  const bytes = new Uint8Array(readFileSync(new URL(`../fixtures/office-layout/${name}`, import.meta.url)));
  return parseDocument(await ingest(bytes, name));
};

const CASES: Array<[number, string]> = [
  [41, "table 三's column headers wrapped over the header lines (自然 / 人, 社会 / 公 / 益组 / 织) place the short rows, figures on lines without label text too"],
  [12, 'a row alone on the last page (四、结转下年度继续办理 "0") is placed by the header LibreOffice repeats on that page'],
  [80, 'a figure with its note cut by a page break ("377 / 5（含", then "转办 / 1259 / 件）" at the top of the next page) is one cell, 3775（含转办1259件）'],
  [97, 'a note starting on the row\'s line ("7（含") goes on after the page break ("转办 3 / 件）")'],
  [60, "a table 四 printing no figure, its leaf headers (结 / 果 / 维 / 持) cut by a page break, is 15 blank cells"],
  [253, 'a page number printed as "- 10 -" between two rows of table 三 is no row (it was read as one, and the rows after it a row off: WRONG)'],
  [280, 'a label cut by a page break whose next page starts two lines on (the page number between) goes on there (its piece was read as a row of its own: WRONG)'],
  [18, 'a lone "0" (四、结转下年度继续办理) on a page without a header stands where the 总计 figures the arithmetic placed stand (226 … 226): it is 总计'],
  [310, 'a label\'s "、" wrapped onto a line of its own, left of a row\'s figures, is label text, not a dash (it made the row 8 figures and table 三\'s （六） rows a row off: 9 cells WRONG)'],
  [104, 'a note wrapped around a row that prints one figure beside its middle piece ("7（含转" / "7 … 办3" / "件）") is one cell of that row, and the header printed again inside table 三 loses its one-piece lines (37 and 44 cells flagged)'],
  [145, 'table 三\'s header cut by a page break gives the columns on the next page from the pieces printed there ("业 构 益组织 务机构"; 96 cells flagged)'],
  [218, 'table 四\'s leaf-header pieces on the figures\' page that fit the 15 columns more than one way ("持 正 果 结" twice) go on the columns cut by the page break (refused)'],
  [30, 'table 二\'s one-cell fee row printing its amount grouped by ideographic spaces ("21 171      100" 元) is one figure (refused: two figures in a one-cell row)'],
  [120, 'a row cut by a page break with its 自然人 figure beside its label on the next page ("2 … 16 0 0 18 0 217" / "- 5-" / "、没有 … 息 183"), and table 四\'s wrapped figures a digit a slot left ("1 / 0") (refused)'],
  [54, 'table 三 printed without （六）: the printed outcome rows add up to at most （七）总计 in every column, which places their short rows (37 cells flagged)'],
];

for (const [seed, cause] of CASES) {
  test(`office layout text, seed ${seed}: ${cause}`, async () => {
    assert.deepEqual(compareCells(generate(seed).values, await read(seed)), []);
  });
}
