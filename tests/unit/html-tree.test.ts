import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AnyNode } from 'domhandler';
import { parse } from 'parse5';
import { adapter } from 'parse5-htmlparser2-tree-adapter';
import { parseHtml } from '../../pipeline/ingest/html-tree.ts';
import { generate } from '../../pipeline/synth/generate.ts';
import { renderHtml } from '../../pipeline/synth/index.ts';

/** Every node in document order: its kind, name or text, attributes, and the line it starts on. */
function outline(node: AnyNode, out: unknown[] = []): unknown[] {
  const line = node.sourceCodeLocation?.startLine;
  if ('attribs' in node) out.push(['element', node.name, node.attribs, line]);
  else if ('data' in node) out.push([node.type, node.data, line]);
  else out.push([node.type, line]);
  if ('children' in node) for (const child of node.children) outline(child, out);
  return out;
}

/** parse5 with its full source locations, through the same tree adapter: what parseHtml must equal. */
const reference = (html: string): unknown[] =>
  outline(parse(html, { treeAdapter: adapter, scriptingEnabled: true, sourceCodeLocationInfo: true }) as AnyNode);

const PAGES = [
  '<table><tr><td>一<td>二<tr><td>三</table>',
  '<table><tr><td>1</td></tr>孤立\n文字</table>\n<p>后',
  '<!DOCTYPE html><p>说明<table><tr><td>7</td></tr></table>后文<td>尾</td>',
  '<table><tr><td>版式<table><tr><td rowspan=2>甲<td colspan=3>乙</table></td></tr></table>',
  '<p><b>粗<i>斜</b>\n还是斜</i>\n</p><b><p>跨\n段</b></p>',
  '<html>\r\n<head><title>\n标题</title></head>\r\n<body>\n<template><td>模板</td></template>\n&amp;&nbsp;&#x4e00;&bogus;\n<!-- 注释\n-->\n正文</body></html>\n尾巴',
  '<table>\n  <caption>表\n</caption>\n  <tr>\n    <td>\n\n值</td>\n  </tr>\n  文字\n  <tr><td>末</td>\n</table>',
  '<div>\n<ul><li>一<li>二\n</ul>\n<select><option>甲<option>乙</select>\n<svg><text>图</text></svg>\n\u0000空\ud842\udfb7字</div>',
  '<frameset><frame></frameset>文字',
  '',
];

test('parseHtml: the same tree and start lines as parse5 with full locations, on malformed pages', () => {
  for (const page of PAGES) assert.deepEqual(outline(parseHtml(page, true)), reference(page), page);
});

test('parseHtml: the same tree and start lines as parse5 with full locations, on generated and mutated pages', () => {
  let seed = 7;
  const random = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  for (let i = 0; i < 4; i++) {
    const { values, narrative } = generate(i);
    const page = String(renderHtml(values, { narrative, wordExport: i % 3 === 0 }));
    const expected = reference(page);
    assert.ok(expected.filter((entry) => Number((entry as unknown[]).at(-1)) > 10).length > 50, 'lines to compare');
    assert.deepEqual(outline(parseHtml(page, true)), expected, `page ${i}`);
    // Cut out spans of the page (tags lose their ends, text lands in tables), and compare again.
    let mutated = page;
    for (let k = 0; k < 30; k++) {
      const at = random(mutated.length);
      mutated = mutated.slice(0, at) + mutated.slice(at + 1 + random(40));
    }
    assert.deepEqual(outline(parseHtml(mutated, true)), reference(mutated), `mutated page ${i}`);
  }
});

test('parseHtml without lines: no locations, the same tree', () => {
  const page = PAGES[1]!;
  const tree = outline(parseHtml(page, false));
  assert.ok(tree.every((entry) => (entry as unknown[]).at(-1) === undefined));
  assert.deepEqual(
    tree,
    reference(page).map((entry) => [...(entry as unknown[]).slice(0, -1), undefined]),
  );
});
