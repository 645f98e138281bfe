import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { InputError } from '../../pipeline/errors.ts';
import { ingest } from '../../pipeline/ingest/index.ts';
import { SHARED } from '../helpers/shared.ts';

const CORPUS = `${SHARED}/corpus`;
const FIXTURES = new URL('../fixtures/ingest/', import.meta.url);
const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

async function inputError(input: Uint8Array, name: string, pattern: RegExp): Promise<InputError> {
  let caught: unknown;
  await assert.rejects(ingest(input, name), (err: unknown) => {
    caught = err;
    return true;
  });
  assert.ok(caught instanceof InputError, `an InputError, not ${String(caught)}`);
  assert.equal(caught.file, name);
  assert.match(caught.message, pattern);
  return caught;
}

test('an empty file, or one of only white space', async () => {
  await inputError(new Uint8Array(), 'empty.txt', /^empty file: expected an annual report$/);
  await inputError(bytes(' \n\t\n\u3000\n'), 'blank.txt', /^empty file/);
});

test('binary junk: NUL bytes, control characters, a broken old .doc', async () => {
  const junk = new Uint8Array(512).map((_, i) => (i * 7919) % 256);
  await inputError(junk, 'junk.txt', /^binary data, not a text document/);
  const controls = new Uint8Array(200).map((_, i) => 1 + (i % 8));
  await inputError(controls, 'controls.html', /^binary data, not a text document/);
  const doc = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Uint8Array(100)]);
  await inputError(doc, 'report.doc', /^unreadable legacy Office file \(OLE2 container.*save it as \.docx/);
});

test('a PDF is told from its bytes, whatever its name, and a cut one is refused as truncated', async () => {
  await inputError(bytes('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n'), 'report.txt', /^truncated PDF/);
  const real = `${CORPUS}/2024_huaian-city-gov.pdf`;
  if (!existsSync(real)) {
    console.log(`notice: ${real} is absent; the real-file check did not run`);
    return;
  }
  const doc = await ingest(readFileSync(real), 'szfgs2024.pdf');
  assert.equal(doc.source.rendering, 'pdf');
  assert.equal(doc.source.mediaType, 'application/pdf');
});

test('a zip that is not a .docx, and a broken .docx', async () => {
  await inputError(readFileSync(new URL('not-a-docx.zip', FIXTURES)), 'report.docx', /zip archive but not a Word \.docx/);
  await inputError(bytes('PK\u0003\u0004....word/document.xml....'), 'broken.docx', /unreadable Word \.docx/);
});

test('malformed JSON and YAML give line and column', async () => {
  const json = await inputError(bytes('{\n  "agency": "聊城市",\n  "year": }\n'), 'r.json', /malformed JSON at line 3, column 11/);
  assert.deepEqual(json.at, { line: 3, column: 11 });
  const yaml = await inputError(bytes('agency: 聊城市\ntables: [1, 2\n'), 'r.yaml', /malformed YAML at line 3/);
  assert.equal(yaml.at?.line, 3);
});

test('an HTML page with no text at all', async () => {
  await inputError(bytes('<html><body><nav>首页</nav><div></div></body></html>'), 'p.html', /no text found/);
});

test('Source: name, media type, rendering, encoding, sha256 and size; the content decides, not the name', async () => {
  const html = bytes('<html><head><title>年度报告</title></head><body><table><tr><td>规章</td><td>1</td></tr></table></body></html>');
  const doc = await ingest(html, 'report.txt');
  assert.equal(doc.kind, 'cells');
  assert.deepEqual(doc.source, {
    name: 'report.txt',
    mediaType: 'text/html',
    rendering: 'html',
    encoding: 'utf-8',
    sha256: createHash('sha256').update(html).digest('hex'),
    bytes: html.length,
  });
  const json = await ingest(bytes('{"agency": "聊城市"}'), 'report.html');
  assert.deepEqual(json.kind === 'structured' ? json.data : undefined, { agency: '聊城市' });
  assert.equal(json.source.mediaType, 'application/json');
  const yaml = await ingest(bytes('agency: 聊城市\n'), 'report.json');
  assert.equal(yaml.source.rendering, 'yaml');
  assert.equal(yaml.source.mediaType, 'application/yaml');
});

test('GBK Word text: rendering word-text, encoding gb18030, same cells as the UTF-8 original', async () => {
  const text = '三、收到和处理政府信息公开申请情况\n\t一、本年新收政府信息公开申请数量\n\t77\n\t\n\t结果\n维持\n';
  const utf8 = await ingest(bytes(text), 'a.txt');
  const gbk = await ingest(iconv.encode(text, 'gbk'), 'a.txt');
  assert.equal(gbk.source.rendering, 'word-text');
  assert.equal(gbk.source.encoding, 'gb18030');
  assert.equal(gbk.source.mediaType, 'text/plain; charset=gb18030');
  assert.equal(utf8.source.mediaType, 'text/plain; charset=utf-8');
  assert.deepEqual(gbk.kind === 'cells' && gbk.cells, utf8.kind === 'cells' && utf8.cells);
});

test('a charset given by the caller (HTTP Content-Type) decodes the file', async () => {
  const text = '政府資訊公開\n\t規章\n\t1\n';
  const doc = await ingest(iconv.encode(text, 'big5'), 'a.txt', { charset: 'big5' });
  assert.equal(doc.source.encoding, 'big5');
  assert.deepEqual(doc.kind === 'cells' && doc.cells.map((c) => c.text), ['政府資訊公開', '規章', '1']);
});

test('the .docx fixture: rendering docx, no encoding', async () => {
  const doc = await ingest(readFileSync(new URL('minimal.docx', FIXTURES)), 'm.docx');
  assert.equal(doc.source.rendering, 'docx');
  assert.equal(doc.source.mediaType, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  assert.equal('encoding' in doc.source, false);
  assert.equal(doc.kind === 'cells' && doc.cells.length, 9);
});

test('the real corpus files ingest with the right rendering', async () => {
  if (!existsSync(CORPUS)) {
    console.log(`notice: ${CORPUS} is absent; the real-file check did not run`);
    return;
  }
  const cases: Array<[string, string]> = [
    ['2020_liaocheng-zrzyghj.txt', 'word-text'],
    ['2023_huaian-hongze-district-gov.pdftotext-layout.txt', 'pdftotext-layout'],
    ['2024_huaian-city-gov.pdftotext-layout.txt', 'pdftotext-layout'],
    ['2024_huaian-hongze-district-gov.pdftotext-layout.txt', 'pdftotext-layout'],
    ['templates/2021_format_tables_third-party-reproduction.docx', 'docx'],
  ];
  for (const [file, rendering] of cases) {
    const doc = await ingest(readFileSync(`${CORPUS}/${file}`), file);
    assert.equal(doc.source.rendering, rendering, file);
    assert.ok(doc.kind === 'cells' && doc.cells.length > 100, file);
  }
});
