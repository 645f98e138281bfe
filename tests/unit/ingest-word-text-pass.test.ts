/**
 * readWordText reads the text in one pass (no array of lines or pieces): the same cells, texts, places and row ends
 * as the reading written out here line by line (split on newlines, each line split on TABs), on generated texts.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { isValueText } from '../../pipeline/ingest/read-value.ts';
import type { TextCell } from '../../pipeline/ingest/types.ts';
import { readWordText } from '../../pipeline/ingest/word-text.ts';

const RUNS = process.env.XXGK_TEST_FULL === '1' ? 5000 : 500;
const SECTION = /^\s*[一二三四五六七八九十]+[、.．]/;

/** The reading as it was: lines by split('\n'), pieces by split('\t'). */
function byLines(text: string): TextCell[] {
  const cells: TextCell[] = [];
  let open: TextCell | undefined;
  let afterEmpty = false;
  const pieces = (line: string, from: number, lineNo: number): TextCell[] => {
    let start = from;
    return line.slice(from).split('\t').map((t) => {
      const cell: TextCell = { text: t, at: { line: lineNo, column: start + 1 } };
      start += t.length + 1;
      return cell;
    });
  };
  text.split('\n').forEach((line, index) => {
    const empty = afterEmpty;
    afterEmpty = !line.includes('\t') && line.trim() === '';
    if (afterEmpty) return;
    if (line.replace(/^\t+/, '').includes('\t')) {
      const row = pieces(line, 0, index + 1);
      row.at(-1)!.rowEnd = true;
      cells.push(...row);
      open = undefined;
    } else if (line.startsWith('\t')) {
      const started = pieces(line, 1, index + 1);
      cells.push(...started);
      open = started.at(-1);
    } else if (open && !isValueText(open.text) && !(empty && SECTION.test(line))) open.text += line;
    else {
      cells.push({ text: line, at: { line: index + 1, column: 1 }, rowEnd: true });
      open = undefined;
    }
  });
  return cells;
}

test('readWordText: the same cells as reading line by line', () => {
  const piece = fc.constantFrom('\t', '\n', '\n\n', ' ', '\u3000', '\u00a0', '\r', '12', '0', '三、', '收到申请', '（一）', '单位：元', 'x', '—', '');
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
      const text = parts.join('');
      assert.deepEqual(readWordText(text), byLines(text));
    }),
    { numRuns: RUNS, seed: 13 },
  );
});
