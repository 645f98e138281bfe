import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { decodeText, declaredCharset } from '../../pipeline/ingest/decode.ts';
import { SHARED } from '../helpers/shared.ts';

const SEED = `${SHARED}/corpus/2020_liaocheng-zrzyghj.txt`;

// Written for this test in the shape of a report: CJK text, full-width punctuation and spaces, “quotes”, a tab.
const REPORT = [
  '某某市自然资源局2020年政府信息公开工作年度报告',
  '本报告所列数据的统计期限为2020年1月1日至2020年12月31日。',
  '\t3.危及“三安全一稳定”',
  '\t（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
  '\t　88',
  '\t4156.93万元',
  '',
].join('\n');

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

test('valid UTF-8 decodes as utf-8', () => {
  assert.deepEqual(decodeText(bytes(REPORT)), { text: REPORT, encoding: 'utf-8' });
});

test('a UTF-8 BOM is stripped', () => {
  const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes(REPORT)]);
  assert.deepEqual(decodeText(withBom), { text: REPORT, encoding: 'utf-8' });
});

test('UTF-16 with a BOM, little- and big-endian', () => {
  const le = iconv.encode(REPORT, 'utf-16le', { addBOM: true });
  assert.deepEqual(decodeText(le), { text: REPORT, encoding: 'utf-16le' });
  const be = iconv.encode(REPORT, 'utf-16be', { addBOM: true });
  assert.deepEqual(decodeText(be), { text: REPORT, encoding: 'utf-16be' });
});

test('GBK with no charset declared decodes exactly like the UTF-8 original', () => {
  const gbk = iconv.encode(REPORT, 'gbk');
  assert.notDeepEqual(Buffer.from(gbk), Buffer.from(bytes(REPORT)));
  assert.deepEqual(decodeText(gbk), { text: REPORT, encoding: 'gb18030' });
});

test('the real seed report, GBK- and GB18030-encoded, decodes like its UTF-8 original', () => {
  if (!existsSync(SEED)) {
    console.log(`notice: ${SEED} is absent; the real-file check did not run`);
    return;
  }
  const seed = readFileSync(SEED, 'utf8');
  // GBK has no no-break space (the seed has two); GB18030 has every character.
  const gbkable = seed.replace(/\u00a0/g, ' ');
  assert.equal(decodeText(iconv.encode(gbkable, 'gbk')).text, gbkable);
  assert.deepEqual(decodeText(iconv.encode(seed, 'gb18030')), { text: seed, encoding: 'gb18030' });
});

test('a charset declared by <meta charset> is used when the bytes are not UTF-8', () => {
  const html = `<html><head><meta charset="big5"><title>年度報告</title></head><body><p>政府資訊公開</p></body></html>`;
  assert.deepEqual(decodeText(iconv.encode(html, 'big5')), { text: html, encoding: 'big5' });
});

test('<meta http-equiv content="…charset=gb2312"> decodes as gb18030', () => {
  const html =
    '<html><head><meta http-equiv=Content-Type content="text/html; charset=gb2312"></head>' +
    '<body><p class=MsoNormal>一、本年新收政府信息公开申请数量</p></body></html>';
  const gbk = iconv.encode(html, 'gbk');
  assert.equal(declaredCharset(gbk), 'gb2312');
  assert.deepEqual(decodeText(gbk), { text: html, encoding: 'gb18030' });
});

test('an XML declaration names the encoding', () => {
  const xml = '<?xml version="1.0" encoding="Big5"?><report>政府資訊公開</report>';
  assert.equal(declaredCharset(iconv.encode(xml, 'big5')), 'Big5');
  assert.equal(decodeText(iconv.encode(xml, 'big5')).encoding, 'big5');
});

test('opts.declared is used when the file declares nothing', () => {
  const text = '政府資訊公開工作年度報告';
  assert.deepEqual(decodeText(iconv.encode(text, 'big5'), { declared: 'big5' }), { text, encoding: 'big5' });
});

test('valid UTF-8 wins over a wrong declaration', () => {
  const html = '<meta charset="gbk"><p>政府信息公开</p>';
  assert.deepEqual(decodeText(bytes(html)), { text: html, encoding: 'utf-8' });
});

test('a UTF-8 or unknown declaration on bytes that are not UTF-8 is ignored: GB18030', () => {
  const html = '<meta charset="utf-8"><p>政府信息公开</p>';
  assert.deepEqual(decodeText(iconv.encode(html, 'gbk')), { text: html, encoding: 'gb18030' });
  const unknown = '<meta charset="x-no-such-charset"><p>政府信息公开</p>';
  assert.deepEqual(decodeText(iconv.encode(unknown, 'gbk')), { text: unknown, encoding: 'gb18030' });
});

test('a declaration after the first 4 KB is not looked for', () => {
  const html = `${' '.repeat(5000)}<meta charset="big5">`;
  assert.equal(declaredCharset(bytes(html)), undefined);
});

test('CRLF and CR line endings become LF', () => {
  assert.equal(decodeText(bytes('一\r\n二\r三\n四')).text, '一\n二\n三\n四');
  assert.equal(decodeText(iconv.encode('一\r\n二\r\n', 'gbk')).text, '一\n二\n');
});
