/**
 * csvRecords writes CSV by hand (speed): it must write exactly what csv-stringify writes with the dialect's options
 * (CRLF records, quotes doubled, a field quoted when it holds a comma, a quote, CR or LF), for any values.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { csvCell, csvRecords, type CsvValue } from '../../pipeline/datasets/to-csv-format.ts';

/** The reference: csv-stringify over the cells' texts. */
function reference(rows: CsvValue[][]): string {
  if (!rows.length) return '';
  return stringify(rows.map((row) => row.map(csvCell)), { delimiter: ',', quote: '"', record_delimiter: '\r\n', quoted_match: /[\r\n]/, eof: true });
}

const text = fc.oneof(
  fc.string({ unit: fc.constantFrom('a', '局', ',', '"', '\r', '\n', ' ', '=', '-', '+', '1', '\u202e', '\u0007') }),
  fc.string(),
);
const value: fc.Arbitrary<CsvValue> = fc.oneof(text, fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer(), fc.boolean(), fc.constant(null));

test('csvRecords writes the bytes csv-stringify writes, for any rows', () => {
  fc.assert(
    fc.property(fc.array(fc.array(value, { minLength: 1, maxLength: 6 }), { maxLength: 5 }), (rows) => {
      assert.equal(csvRecords(rows), reference(rows));
    }),
    { numRuns: 300 },
  );
});

test('csvRecords: quoting, doubled quotes, empty and null fields', () => {
  assert.equal(csvRecords([['a,b', 'say "hi"', '', null, 'two\nlines', 'cr\r', 1.5, true]]), '"a,b","say ""hi""",,,"two\nlines","cr\r",1.5,true\r\n');
  assert.equal(csvRecords([]), '');
});
