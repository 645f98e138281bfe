/**
 * What `xxgk build` prints, written as it is made (cli-build.ts lineWriter): the same text as writeLines over every
 * line at once, whatever the count (around the thousand lines a write), no line held unless asked for (--cache keeps
 * them for a skipped re-run), and never more than a thousand lines waiting.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lineWriter } from '../../pipeline/cli-build.ts';
import { writeLines } from '../../pipeline/printable.ts';

const line = (k: number) => (k % 7 === 3 ? `  included r-${k}  名称\u202e${k}\nforged` : `  included r-${k}  机关 ${k}`);

test('the lines written as they come are the text of writeLines over all of them', () => {
  for (const count of [0, 1, 2, 999, 1000, 1001, 1999, 2000, 2001, 3456]) {
    const all = Array.from({ length: count }, (_, k) => line(k));
    let whole = '';
    writeLines((t) => { whole += t; }, all);
    for (const keep of [false, true]) {
      const writes: string[] = [];
      const out = lineWriter((t) => writes.push(t), keep);
      let waiting = 0;
      for (const l of all) {
        const before = writes.length;
        out.print(l);
        waiting = writes.length > before ? 0 : waiting + 1;
        assert.ok(waiting < 1000, `${count}: at most 999 lines wait for a write`);
      }
      const kept = out.end();
      assert.equal(writes.join(''), whole, `${count} lines (keep ${keep})`);
      assert.deepEqual(kept, keep ? all : null);
    }
  }
});
