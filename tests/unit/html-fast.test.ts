import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AnyNode } from 'domhandler';
import { htmlDepth } from '../../pipeline/ingest/html-depth.ts';
import { fastParseHtml } from '../../pipeline/ingest/html-fast.ts';
import { parseHtml } from '../../pipeline/ingest/html-tree.ts';
import { generate } from '../../pipeline/synth/generate.ts';
import { renderHtml } from '../../pipeline/synth/index.ts';

/** Every node in document order with every field parse5's tree adapter sets, and whether its links agree. */
function snapshot(node: AnyNode, out: string[] = []): string[] {
  const fields = node as unknown as Record<string, unknown>;
  const entries = (key: string): unknown => (fields[key] ? Object.entries(fields[key] as object) : undefined);
  out.push(JSON.stringify([
    node.type, fields.name, fields.data, 'sourceCodeLocation' in node ? (node.sourceCodeLocation ?? null) : 'absent',
    fields.namespace, fields['x-mode'], fields['x-name'], fields['x-publicId'], fields['x-systemId'],
    entries('attribs'), entries('x-attribsNamespace'), entries('x-attribsPrefix'),
  ]));
  if ('children' in node) {
    node.children.forEach((child, i) => {
      const linked = child.parent === node && child.prev === (node.children[i - 1] ?? null) && child.next === (node.children[i + 1] ?? null);
      if (!linked) out.push('links differ');
      snapshot(child, out);
    });
    out.push('end');
  }
  return out;
}

function depth(node: AnyNode): number {
  if (!('children' in node)) return 0;
  return (node.type === 'tag' ? 1 : 0) + Math.max(0, ...node.children.map(depth));
}

/** The fast tree equals parse5's (lines on and off) when it reads the page at all; says whether it did. */
function check(page: string, label: string): boolean {
  let read = false;
  for (const lines of [true, false]) {
    const fast = fastParseHtml(page, lines, 500);
    if (!fast) continue;
    read = true;
    assert.deepEqual(snapshot(fast), snapshot(parseHtml(page, lines)), `${label} (lines ${lines})`);
    // Reading it, the fast path skips html-depth.ts: that count must not go deeper than the tree.
    assert.ok(htmlDepth(page, Infinity) <= depth(fast), `${label}: html-depth.ts counts deeper`);
  }
  return read;
}

/** Pages the fast path reads (written as sites write them). */
const READ = [
  '<!DOCTYPE html><html><head><title>标题 &amp; 副题</title></head><body><p>正文</p></body></html>',
  '<html>\r\n<head>\r\n<meta charset=utf-8><title>\n标题</title></head>\r\n<body>\n<p>一\r二\r\n三</p>\n</body>\n</html>\n',
  '<!doctype HTML><html><head></head><body><table><tr><td>一</td><td>二</td></tr><tr><td>三</td></tr></table></body></html>',
  '<!DOCTYPE html PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN"><html><head></head><body><p>段<table><tr><td>1</td></tr></table></p></body></html>',
  '<!DOCTYPE html><html><head></head><body><ul><li>一<ul><li>二</li></ul></li></ul><dl><dt>甲</dt><dd>乙</dd></dl></body></html>',
  '<!DOCTYPE html><html><head></head><body><table><caption>表</caption><tbody><tr><th>头</th></tr></tbody><tr><td>尾</td></tr></table></body></html>',
  '<!DOCTYPE html><html><head></head><body>&nbsp;&copy;&#20013;&#x56FD;&#X4e00;&ldquo;&hellip;&rdquo; & &lt;&gt;&quot;</body></html>',
  '<!DOCTYPE html><html><head></head><body><p title="a&amp;b" class=\'c\' id=d data-x=1 x=a&lt;b checked CLASS=dup>x</p></body></html>',
  '<!DOCTYPE html><html><head></head><body><p a="1"b="2" / c=3>x</p><div/>自闭<br/>后</div></body></html>',
  '<!DOCTYPE html><html><head></head><body><!-- 注释 --><!----><!---x--><!-- a --->\n<![if !supportLists]>·<![endif]></body></html>',
  '<!DOCTYPE html><html><head><script>if (a < b) document.write("</p>")</script><style>p>a{}</style></head><body></body></html>',
  '<!DOCTYPE html><html><head><noscript><p>无</p></noscript></head><body><noscript><p>无</p></noscript><title>&amp;</title></body></html>',
  '<!DOCTYPE html><html><head></head><body>正文</body></html>\n  \n<!-- 尾 -->\n',
  '<!DOCTYPE html><html><head></head><body>正文\n</body>\n<!-- 中 -->\n</html>\n',
  '<!DOCTYPE html><html><head><link rel=x></head>\n <body><p>x</p>',
  '<!DOCTYPE html><html><head><body><p>没有 head 的结尾</p></body></html>',
  '<!DOCTYPE html><html><head></head><body><p>a<b>b<b>c<b>d<b>e</b></b></b></b></p><o:p>字</o:p><w:Word>二</w:Word></body></html>',
  '<!DOCTYPE html><html><head></head><body><form><button>钮</button></form><p>a < b</p></body></html>',
  '<!DOCTYPE html><html><head></head><body><div><p>截断',
  '<!DOCTYPE html><html><head></head><body><DIV><P>大写</P><h2>二</H2><Span>混</sPAN><h3>三</h3 ></DIV></body></html>',
];

/** Pages whose tree the spec builds otherwise than by plain nesting, or with what the fast path leaves to parse5. */
const OTHERS = [
  '<!DOCTYPE html><html><head></head><body><p>段<table><tr><td>1</td></tr></table></p></body></html>',
  '<!DOCTYPE html><html><head></head><body><p>段<div>块</div></p></body></html>',
  '<!DOCTYPE html><html><head></head><body><ul><li>一<div><li>二</li></div></li></ul><dl><dt>甲<dd>乙</dl></body></html>',
  '<!DOCTYPE html><html><head></head><body><h1>一<h2>二</h2></h1><a href=x>链<a>二</a></a></body></html>',
  '<!DOCTYPE html><html><head></head><body><b>粗<i>斜</b>还是斜</i></body></html>',
  '<!DOCTYPE html><html><head></head><body><table>\n <tr>\n  <td>值</td>\n </tr>\n 文字\n</table></body></html>',
  '<!DOCTYPE html><html><head></head><body><table><td>缺行</td></table><table><tbody><td>缺行</td></table></body></html>',
  '<!DOCTYPE html><html><head></head><body><form><form>套</form></form><button>钮<button>二</button></button></body></html>',
  '<!DOCTYPE html><html><head></head><body>&nbsp;&#0;&#128;&#xD800;&notin;&not &amp &bogus; & &#;</body></html>',
  '<!DOCTYPE html><html><head></head><body><!--->x--><!-- a --!> b --><!-- <!-- x --><!x<y>z<?php x ?></body></html>',
  '<!DOCTYPE html><html><head><script><!-- x </script> --></script></head><body><script>x</scripty></script></body></html>',
  '<!DOCTYPE html><html><head></head><body>正文</body>\n<!-- 中 -->\n</html>尾巴',
  '<!DOCTYPE html><html><head></head><body>正文</body><p>后</p></html>',
  '<!DOCTYPE html><html><head></head><body><svg><text>图</text></svg></body></html>',
  '<!DOCTYPE html><html><head></head><body><select><option>甲</select><textarea>\n乙</textarea><pre>\n丙</pre></body></html>',
  '<!DOCTYPE html><html><head></head><body><div><span>未闭合</div></body></html>',
  '<!DOCTYPE html><html><head></head><body><div class="x>y">引号里的尖括号</div></body></html>',
  '\ufeff<!DOCTYPE html><html><head></head><body>x</body></html>',
  '<p>没有 html</p>',
  '',
  '<!DOCTYPE html><html><head></head><body><div cla',
  '<!DOCTYPE html><html><head></head><body>\u0000</body></html>',
];

test('fastParseHtml: the tree of parse5 (every field, start lines on and off) or nothing, on hand-written pages', () => {
  READ.forEach((page, i) => assert.ok(check(page, `read page ${i}`), `read page ${i} read`));
  OTHERS.forEach((page, i) => check(page, `other page ${i}`));
});

test('fastParseHtml: the same tree as parse5 on generated pages, and on pages with pieces cut out or put in', () => {
  let seed = 11;
  const random = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  const PIECES = [
    // Whole pieces, mostly read by the fast path wherever they land between tags …
    '<p>段</p>', '<b>粗<i>斜</i></b>', '<span class="a" id=b>字</span>', '<o:p></o:p>', '<br/>', '<img src=x>', '<div/>',
    '<!-- 注 -->', '<![if x]>', '&amp;&nbsp;&#20013;', ' < ', '\r\n', '\n', ' ', '字', '<title>题</title>',
    '<script>s</script>', '<table><tr><td>格</td></tr></table>', '<ul><li>项</li></ul>', '<h2>题</h2>', '<form></form>',
    // … and pieces the spec nests otherwise.
    '<p>', '</p>', '<li>', '<td>', '</tr>', '<tbody>', '&nbsp', '<a href=x>', '</b>', '<dd>', '<button>',
  ];
  let read = 0;
  let mutatedRead = 0;
  for (let i = 0; i < 5; i++) {
    const { values, narrative } = generate(i);
    const page = String(renderHtml(values, { narrative, wordExport: i % 3 === 2 }));
    if (check(page, `page ${i}`)) read++;
    for (let k = 0; k < 8; k++) {
      let mutated = page;
      for (let j = 0; j < 1 + random(2); j++) {
        const at = random(mutated.length);
        // Mostly a piece put in between two tags (where it reads as markup), else a cut anywhere.
        const between = mutated.indexOf('>', at) + 1;
        mutated = random(6) === 0 || between === 0
          ? mutated.slice(0, at) + mutated.slice(at + 1 + random(30))
          : mutated.slice(0, between) + PIECES[random(PIECES.length)]! + mutated.slice(between);
      }
      if (check(mutated, `page ${i}, mutation ${k}`)) mutatedRead++;
    }
  }
  assert.equal(read, 5);
  assert.ok(mutatedRead >= 10, `${mutatedRead} mutated pages read by the fast path`);
});

test('fastParseHtml gives up past its depth, for html-depth.ts and parse5 to decide', () => {
  const page = `<!DOCTYPE html><html><head></head><body>${'<div>'.repeat(20)}x${'</div>'.repeat(20)}</body></html>`;
  assert.ok(fastParseHtml(page, true, 30));
  assert.equal(fastParseHtml(page, true, 10), undefined);
});

test('fastParseHtml decodes the character references it knows as parse5 does, in text and in attributes', () => {
  const names = [
    'amp', 'lt', 'gt', 'quot', 'apos', 'nbsp', 'copy', 'reg', 'middot', 'ldquo', 'rdquo', 'lsquo', 'rsquo', 'mdash', 'ndash',
    'hellip', 'times', 'ensp', 'emsp', 'thinsp', 'yen', 'deg', 'plusmn', 'sect', 'laquo', 'raquo', 'bull', 'trade',
  ];
  const references = [...names.map((name) => `&${name};`), '&#32;', '&#x3000;', '&#X1F600;', '&#65535;', '&#1114111;'];
  for (const reference of references) {
    const page = `<!DOCTYPE html><html><head></head><body title="${reference}">a${reference}b</body></html>`;
    assert.ok(check(page, reference), `${reference} read`);
  }
});
