/**
 * How every CSV of the release is written: UTF-8 with a BOM, CRLF line endings, fields quoted only when needed
 * (RFC 4180), numbers in plain decimal, text that a spreadsheet would run as a formula neutralised, and control
 * characters (bidi overrides included) visibly escaped. Pure.
 */
import { memoised } from '../memoised.ts';
import { printableText } from '../printable.ts';

export const BOM = '\uFEFF';
export const CSV_MEDIA_TYPE = 'text/csv';

/** The dialect of every CSV, as Frictionless (Table Dialect) and CSVW describe it. */
export const CSV_DIALECT = { header: true, delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true } as const;

export type CsvValue = string | number | boolean | null;

/** Text that Excel, LibreOffice or Sheets would read as a formula starts with one of these (OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A dash mark ("-", "--") or a signed number as printed ("-230", "+12"): no spreadsheet runs these as formulas. */
const HARMLESS = /^(?:-+|[+-]?[0-9][0-9,.]*)$/;

/** Prefix a single quote to text a spreadsheet would run as a formula. Numbers never come here. */
export function neutralise(text: string): string {
  return FORMULA_START.test(text) && !HARMLESS.test(text) ? `'${text}` : text;
}

/** A finite number in plain decimal notation, never with an exponent: 1e21 → "1000000000000000000000". */
export function plainNumber(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`csv: ${n} is not a finite number and cannot be written to a CSV cell`);
  if (Object.is(n, -0)) return '0';
  const text = String(n);
  if (!text.includes('e')) return text;
  const m = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!m) return text;
  const [, sign = '', int = '', frac = '', exp = '0'] = m;
  const digits = int + frac;
  const point = int.length + Number(exp);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return sign + digits + '0'.repeat(point - digits.length);
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** A value's text in a CSV cell, before quoting. */
export function csvCell(value: CsvValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return plainNumber(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return neutralise(printableText(value));
}

/** A field that must be quoted: it holds the delimiter, the quote, CR or LF (RFC 4180 needs CR and LF alone too). */
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * Text that is its own field: no formula start, nothing to quote, no control character to escape (printable.ts
 * printableText keeps tab, which needs no quotes). Most fields are: they skip the cache and its copy of every new text.
 */
const PLAIN_FIELD = /^(?![=+\-@\t\r])[^",\r\n\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]*$/;

/** A CSV field as written (quoted when it must be). Memoised for text: ids, names and codes recur on every row. */
const quotedField = memoised((text: string): string => {
  const cell = csvCell(text);
  return NEEDS_QUOTES.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
});

/** A text's CSV field: itself when plain (PLAIN_FIELD), else made and memoised. */
export const textField = (text: string): string => (PLAIN_FIELD.test(text) ? text : quotedField(text));

/**
 * CSV records, each ending with CRLF. Fields holding a comma, a quote, CR or LF are quoted, quotes doubled. Written
 * by hand (one string per batch of records) rather than through csv-stringify, whose per-field generality cost a
 * tenth of a build; tests/unit/csv-format.test.ts checks that both write the same bytes.
 */
export function csvRecords(rows: readonly (readonly CsvValue[])[]): string {
  let out = '';
  // A column's last value and its field: a report's rows repeat its id, body, year and edition in every row.
  const lastValue: CsvValue[] = [];
  const lastField: string[] = [];
  for (const row of rows) {
    for (let k = 0; k < row.length; k++) {
      const value = row[k]!;
      if (k > 0) out += CSV_DIALECT.delimiter;
      if (k < lastField.length && lastValue[k] === value) {
        out += lastField[k];
        continue;
      }
      // Numbers, booleans and null never need quotes.
      const field = typeof value === 'string' ? textField(value) : csvCell(value);
      lastValue[k] = value;
      lastField[k] = field;
      out += field;
    }
    out += CSV_DIALECT.lineTerminator;
  }
  return out;
}

/** The head of a CSV file: the BOM (so Excel reads UTF-8) and the one header line. */
export function csvHead(header: readonly string[]): string {
  return BOM + csvRecords([header]);
}
