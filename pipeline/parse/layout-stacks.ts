/**
 * Layout text wraps a narrow header cell over several lines ("本年制 / 发件数", "本年收费金 / 额（单位： / 万元）"):
 * its pieces stand at about the same character position on successive lines. The texts read down such stacks, for
 * what looks for whole header words (the edition's markers). Pure.
 */
import type { TextCell } from '../ingest/types.ts';
import { isValueText } from '../ingest/read-value.ts';

/** A piece goes on a stack within this many character slots of the stack's last piece… */
const SAME_COLUMN = 1;
/** …at most this many lines below it (lines of a neighbouring cell's wrapped text may come between). */
const NEXT_LINES = 2;

interface Stack {
  text: string;
  x: number;
  line: number;
  pieces: number;
  at: TextCell['at'];
}

/** The texts of stacks of two or more label pieces, as cells at their first piece. */
export function stackedTexts(cells: readonly TextCell[]): TextCell[] {
  const open: Stack[] = [];
  const done: Stack[] = [];
  let lastLine = -1;
  for (const cell of cells) {
    const line = cell.at.line;
    if (line === undefined || cell.x === undefined) continue;
    const text = cell.text.trim();
    if (line !== lastLine) {
      // Stacks not continued on the line just ended are closed.
      for (let k = open.length - 1; k >= 0; k--) if (open[k]!.line <= lastLine - NEXT_LINES) done.push(...open.splice(k, 1));
      lastLine = line;
    }
    if (text === '' || isValueText(text)) continue;
    const onTop = open.find((s) => s.line < line && line - s.line <= NEXT_LINES && Math.abs(s.x - cell.x!) <= SAME_COLUMN);
    if (onTop) {
      onTop.text += text;
      onTop.line = line;
      onTop.x = cell.x;
      onTop.pieces++;
    } else open.push({ text, x: cell.x, line, pieces: 1, at: cell.at });
  }
  done.push(...open);
  return done.filter((s) => s.pieces > 1).map((s) => ({ text: s.text, at: s.at }));
}
