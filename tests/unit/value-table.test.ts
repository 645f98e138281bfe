/**
 * value-table.ts: a ValueTable numbers each distinct value once; a UintColumn holds whole numbers in the narrowest
 * typed array that fits them, widened (values kept) when one outgrows it, grown when one is set past its end, and
 * refuses what it cannot hold exactly.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { StringColumn, UintColumn, ValueTable } from '../../pipeline/value-table.ts';

test('a ValueTable numbers a value once, in the order first put', () => {
  const t = new ValueTable<string | null>();
  assert.deepEqual(['a', null, 'b', 'a', null].map((v) => t.number(v)), [0, 1, 2, 0, 1]);
  assert.equal(t.at(2), 'b');
  assert.equal(t.at(1), null);
});

test('a UintColumn widens from one byte to eight as values grow, keeping every value set', () => {
  const c = new UintColumn(4);
  const set = new Map<number, number>();
  const put = (k: number, v: number) => {
    c.set(k, v);
    set.set(k, v);
  };
  put(0, 255);
  assert.equal(c.bytesPerValue, 1);
  put(1, 256);
  assert.equal(c.bytesPerValue, 2);
  put(2, 65_536);
  assert.equal(c.bytesPerValue, 4);
  put(3, 2 ** 32);
  assert.equal(c.bytesPerValue, 8);
  put(1, Number.MAX_SAFE_INTEGER);
  // Past its end: grown, the values before kept.
  put(100, 7);
  put(5, 0);
  for (const [k, v] of set) assert.equal(c.at(k), v, `value ${k}`);
  assert.equal(c.at(50), 0, 'a place not set reads 0');
});

test('a UintColumn starts at the width asked for, and never narrows', () => {
  const c = new UintColumn(2, 2);
  assert.equal(c.bytesPerValue, 4);
  c.set(0, 1);
  assert.equal(c.bytesPerValue, 4);
  c.set(1, 2 ** 40);
  assert.equal(c.at(1), 2 ** 40);
  c.set(1, 3);
  assert.equal(c.bytesPerValue, 8);
  assert.deepEqual([c.at(0), c.at(1)], [1, 3]);
});

test('a UintColumn refuses a value it cannot hold exactly, and keeps what it held', () => {
  const c = new UintColumn(2);
  c.set(0, 9);
  for (const v of [-1, 1.5, Number.NaN, Infinity, 2 ** 53]) assert.throws(() => c.set(0, v), /is not a whole number from 0/, String(v));
  assert.equal(c.at(0), 9);
  assert.equal(c.bytesPerValue, 1);
});

test('a StringColumn gives back every string as it was put, whatever its characters', () => {
  // Past 255 bytes in all (its offsets widen), with empty strings, CJK, an astral character, and ids as the read has them.
  const strings = ['', 'gd-guangzhou-body-0-2019', '机关0', '𠀋x', '', ...Array.from({ length: 40 }, (_, k) => `body-${k}-${2019 + (k % 7)}`), 'é'];
  const c = new StringColumn(strings);
  assert.equal(c.length, strings.length);
  assert.deepEqual(Array.from({ length: c.length }, (_, k) => c.at(k)), strings);
  assert.equal(new StringColumn([]).length, 0);
});

test('a StringColumn gives back sorted ids that share most of their bytes, across its restarts, in any order asked', () => {
  // A body's years side by side (only the year differs), shared prefixes cut inside a character's UTF-8 bytes (机关 /
  // 机场), more than 255 bytes shared (the count stops there), a string that is the prefix of the next, empty strings.
  const long = 'x'.repeat(300);
  const strings = [
    ...Array.from({ length: 50 }, (_, k) => `baibeishifazhanhegaigeweiyuanhui-1934cb-${2019 + (k % 7)}-${Math.floor(k / 7)}`).sort(),
    '机关甲', '机场乙', '机', '', '', `${long}a`, `${long}b`, long, `${long}bc`, ...Array.from({ length: 20 }, (_, k) => `z-${k}`),
  ];
  const c = new StringColumn(strings);
  assert.equal(c.length, strings.length);
  for (let k = strings.length - 1; k >= 0; k -= 3) assert.equal(c.at(k), strings[k], `backwards: ${k}`);
  assert.deepEqual(Array.from({ length: c.length }, (_, k) => c.at(k)), strings);
});

test('a StringColumn keeps a string UTF-8 cannot carry (a lone surrogate) as it is, never changed', () => {
  const strings = ['a', 'b\ud800c', 'd\udfff', 'e'];
  const c = new StringColumn(strings);
  assert.deepEqual(Array.from({ length: c.length }, (_, k) => c.at(k)), strings);
});

test('a StringColumn refuses a place it does not have', () => {
  const c = new StringColumn(['a', 'b']);
  for (const k of [-1, 2, 0.5, Number.NaN]) assert.throws(() => c.at(k), /no string/, String(k));
});
