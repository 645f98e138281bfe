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

const WORDS = [['自然人'], ['商业', '商业企业', '商业企'], ['科研', '科研机构', '科研机'], ['社会', '社会公益', '社会公益组织'], ['法律', '法律服务', '法律服务机构'], ['其他'], ['总计']];
const header = (...xs: Array<[string, number]>) => xs.map(([text, x]) => ({ text, x, at }));

test('layout text: header words one space apart in one cell ("科研机 社会公 法律服") each stand over their own column', () => {
  // Office seed 622's header as its page gives it: LibreOffice wraps the narrow applicant columns three characters a
  // line, and pdftotext keeps the three words of one line one space apart, in one cell. Read whole, that cell named
  // no column, the page (three clusters of figures for seven columns) had none, and 78 cells were flagged.
  const cells = header(['和，等于第三项加第四项', 0], ['自然人', 14], ['商业企', 20], ['科研机 社会公 法律服', 26], ['总计', 47], ['其他', 42], ['业', 21], ['构', 27], ['益组织 务机构', 31]);
  assert.deepEqual(centresFromHeader(cells, WORDS), [15.5, 21.5, 27.5, 31.5, 35.5, 43, 48]);
  // Two-character words one space apart (narrower columns, "社会 法律") are squeezed as much and their columns stand
  // closer (office seed 459: 社会's figure stands nearer 法律's word): such a run stays one cell, naming no column.
  const narrow = header(['自然人', 12], ['商业', 18], ['科研', 23], ['社会 法律', 26], ['其他', 36], ['总计', 42]);
  assert.equal(centresFromHeader(narrow, WORDS), null);
  // A header word's first line names its column when it is 3 characters or more ("社会公" of 社会公益组织); 2 are too few
  // to tell a wrapped word ("自然" / "人").
  assert.deepEqual(centresFromHeader(header(['自然人', 12], ['商业', 18], ['科研', 23], ['社会公', 27], ['法律服', 31], ['其他', 36], ['总计', 42]), WORDS), [13.5, 19, 24, 28.5, 32.5, 37, 43]);
  assert.equal(centresFromHeader(header(['自然', 12], ['商业', 18], ['科研', 23], ['社会', 27], ['法律', 31], ['其他', 36], ['总计', 42]), WORDS), null);
});
