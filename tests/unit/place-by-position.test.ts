/**
 * placeByPosition puts a short row's figures (layout text prints nothing for a blank cell) under their columns only
 * where each figure stands clearly in one column: a figure between two columns is never placed by a guess.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { centresFromHeader, centresFromRows, placeByPosition } from '../../pipeline/parse/place-by-position.ts';
import type { DataRow } from '../../pipeline/parse/segment.ts';

const at = { line: 7 };
const row = (...xs: Array<[string, number]>): DataRow => ({
  label: '规章', own: '规章', context: '', after: '', index: 0, line: 0, at,
  values: xs.map(([text, x]) => ({ text, x, width: text.length, at })),
});
const texts = (cells: ReturnType<typeof placeByPosition>) => cells?.map((c) => c.text);

// Four columns centred at 10, 20, 30, 40.
const CENTRES = [10, 20, 30, 40];

test('figures standing under their columns are placed there, blanks between', () => {
  assert.deepEqual(texts(placeByPosition(row(['5', 9.5], ['7', 29.5]), CENTRES)), ['5', '', '7', '']);
  assert.deepEqual(texts(placeByPosition(row(['12', 38]), CENTRES)), ['', '', '', '12']);
});

test('a figure halfway between two columns is not placed (null: the caller refuses or flags the row)', () => {
  assert.equal(placeByPosition(row(['5', 9.5], ['7', 24.5]), CENTRES), null);
  assert.equal(placeByPosition(row(['3', 14.5]), CENTRES), null);
});

test('positions unknown, or more figures than columns: null', () => {
  assert.equal(placeByPosition(row(['5', 9.5]), null), null);
  assert.equal(placeByPosition(row(['1', 10], ['2', 20], ['3', 30], ['4', 40], ['5', 50]), CENTRES), null);
});

test('layout text: columns are measured on full rows of the short row\'s own page only (each page has a grid of its own)', () => {
  const on = (page: number, index: number, xs: number[]): DataRow => ({
    label: '', own: '', context: '', after: '', index, line: index, at,
    values: xs.map((x) => ({ text: '0', x, width: 1, at, page })),
  });
  const firstPage = on(2, 1, [20, 30, 39, 53, 63, 70, 80]);
  // The carried-forward row of a real office PDF: its one "0" at slot 61 stands in 总计 on page 3, where every column
  // moved left; measured against page 2 it would look like 法律服务机构 (was read so, silently wrong).
  const short = on(3, 30, [61]);
  assert.equal(centresFromRows(short, [firstPage], 7), null);
  const sameGrid = on(3, 25, [5, 14, 23, 32, 41, 51, 61]);
  assert.deepEqual(centresFromRows(short, [firstPage, sameGrid], 7), [5.5, 14.5, 23.5, 32.5, 41.5, 51.5, 61.5]);
  assert.deepEqual(texts(placeByPosition(short, centresFromRows(short, [firstPage, sameGrid], 7))), ['', '', '', '', '', '', '0']);
});

test('layout text: header words one space apart in one cell ("科研机 社会公 法律服") name no column: pdftotext squeezes them', () => {
  // Office seed 622's header as its page gives it: LibreOffice wraps the narrow applicant columns three characters a
  // line, and pdftotext keeps one line's words one space apart, in one cell. Split, the words would give columns, but
  // not where they stand: measured against the first full row under them (64 of office seeds 1-800), the run's first
  // word stands 0-3 slots left of its figures, its second and third 1-11 (seed 24: 社会公 and 法律服 7 slots left,
  // so 社会's figures stand nearer 法律服's word). Tried: 622, 593 and 162 read (139 cells), 459 and 629 read
  // 8 cells WRONG once the 2-character run "社会 法律" was split too; dropped. The cell stays whole.
  const WORDS = [['自然人'], ['商业', '商业企业', '商业企'], ['科研', '科研机构', '科研机'], ['社会', '社会公益', '社会公益组织'], ['法律', '法律服务', '法律服务机构'], ['其他'], ['总计']];
  const header = (...xs: Array<[string, number]>) => xs.map(([text, x]) => ({ text, x, at }));
  const cells = header(['和，等于第三项加第四项', 0], ['自然人', 14], ['商业企', 20], ['科研机 社会公 法律服', 26], ['总计', 47], ['其他', 42], ['业', 21], ['构', 27], ['益组织 务机构', 31]);
  assert.equal(centresFromHeader(cells, WORDS), null);
  // The same header with its words apart (two spaces or more: cells of their own) gives the columns.
  const apart = header(['自然人', 14], ['商业', 20], ['科研', 26], ['社会', 30], ['法律', 34], ['总计', 47], ['其他', 42]);
  assert.deepEqual(centresFromHeader(apart, WORDS), [15.5, 21, 27, 31, 35, 43, 48]);
});
