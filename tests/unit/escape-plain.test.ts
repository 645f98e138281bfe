/**
 * The plain-text fast paths of the CSV field (to-csv-format.ts textField, PLAIN_FIELD) and of HTML escaping
 * (site/html.ts esc, NEEDS_ESCAPE) give what the full rules give: every character from U+0000 to U+3000 and the
 * bidi controls, alone, first, last and inside a text, and texts of figures, names and formula starts.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { csvCell, textField } from '../../pipeline/datasets/to-csv-format.ts';
import { esc } from '../../pipeline/datasets/site/html.ts';
import { printableText } from '../../pipeline/printable.ts';

/** The full rules, as written before the fast paths. */
const fieldByRule = (text: string): string => {
  const cell = csvCell(text);
  return /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
};
const escByRule = (text: string): string => printableText(text)
  .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

function* texts(): Generator<string> {
  yield* ['', '-', '--', '-230', '+12', '=SUM(A1)', '@x', '\tx', 'a\tb', '淮安市人民政府', '1,234', 'say "hi"', '2021-12-31', 'a\u202eb', '\u2066', 'x\u0085'];
  const chars = [...Array.from({ length: 0x3001 }, (_, c) => c), 0x202a, 0x202e, 0x2066, 0x2069, 0xfeff, 0xff0c].map((c) => String.fromCharCode(c));
  for (const c of chars) yield* [c, `${c}政府`, `政府${c}`, `a${c}b`];
}

test('textField and esc: the fast path for plain text gives what the full rules give', () => {
  let n = 0;
  for (const t of texts()) {
    assert.equal(textField(t), fieldByRule(t), `CSV field of ${JSON.stringify(t)}`);
    assert.equal(esc(t), escByRule(t), `HTML of ${JSON.stringify(t)}`);
    n++;
  }
  assert.ok(n > 40_000);
  assert.equal(esc(12.5), '12.5');
});
