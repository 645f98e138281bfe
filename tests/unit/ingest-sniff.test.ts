import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { looksBinary, sniffBinary, sniffText } from '../../pipeline/ingest/sniff.ts';
import { SHARED } from '../helpers/shared.ts';

const CORPUS = `${SHARED}/corpus`;
const FIXTURES = new URL('../fixtures/ingest/', import.meta.url);
const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

test('sniffBinary: PDF, docx, other zip, text', () => {
  assert.equal(sniffBinary(bytes('%PDF-1.7\n%âãÏÓ\n1 0 obj')), 'pdf');
  assert.equal(sniffBinary(bytes(`${'\n'.repeat(10)}%PDF-1.4`)), 'pdf', 'header within the first 1024 bytes');
  assert.equal(sniffBinary(bytes(`${' '.repeat(2000)}%PDF-1.4`)), 'text');
  assert.equal(sniffBinary(readFileSync(new URL('minimal.docx', FIXTURES))), 'docx');
  assert.equal(sniffBinary(readFileSync(new URL('not-a-docx.zip', FIXTURES))), 'zip');
  assert.equal(sniffBinary(bytes('聊城市自然资源和规划局')), 'text');
  assert.equal(sniffBinary(bytes('The %PDF- marker in prose is not a PDF'.padStart(1100))), 'text');
});

test('sniffBinary spots an OLE2 compound file (.doc, .wps, .xls)', () => {
  assert.equal(sniffBinary(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])), 'ole2');
  assert.equal(sniffBinary(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0])), 'text', 'half a signature is not one');
});

test('looksBinary: NUL characters or many control characters; ordinary text with form feeds is text', () => {
  assert.equal(looksBinary('abc\u0000def'), true);
  assert.equal(looksBinary('\u0001\u0002\u0003\u0004 ab'), true);
  assert.equal(looksBinary('\ufffd\ufffd\ufffd 政府'), true, 'undecodable bytes');
  assert.equal(looksBinary('第一页\f第二页\n\t表格\u000b'), false);
  assert.equal(looksBinary(`${'政府信息公开'.repeat(100)}\ufffd`), false, 'one bad byte in a long text');
});

test('looksBinary says what its regular expression form says, on texts of random code units', () => {
  const regexForm = (text: string): boolean => {
    if (text.includes('\u0000')) return true;
    const bad = text.match(/[\u0000-\u0008\u000e-\u001f\u007f\ufffd]/g)?.length ?? 0;
    return text.length > 0 && bad / text.length > 0.05;
  };
  // Code units from every range the test tells apart, in mixes that cross the 5% share.
  const units = [0, 1, 8, 9, 10, 11, 12, 13, 14, 31, 32, 65, 126, 127, 128, 0xa0, 0x3000, 0x653f, 0xfffd, 0xfffe, 0xd800];
  let seed = 7;
  const next = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  let binary = 0;
  for (let k = 0; k < 4000; k++) {
    const length = next(60);
    const badShare = next(4) === 0 ? 0.3 : 0.03;
    let text = '';
    for (let i = 0; i < length; i++) {
      text += String.fromCharCode(next(1000) < badShare * 1000 ? units[next(units.length)]! : 0x4e00 + next(50));
    }
    if (regexForm(text)) binary++;
    assert.equal(looksBinary(text), regexForm(text), JSON.stringify(text));
  }
  assert.ok(binary > 200 && binary < 3800, `${binary} of 4000 binary`);
});

test('sniffText: JSON by its first character', () => {
  assert.equal(sniffText('  \n{"agency": "聊城市"}'), 'json');
  assert.equal(sniffText('[1, 2]'), 'json');
});

test('sniffText: YAML with a top-level tables: or agency: key', () => {
  assert.equal(sniffText('# report\nagency: 聊城市自然资源和规划局\nyear: 2020\n'), 'yaml');
  assert.equal(sniffText('---\nyear: 2020\ntables:\n  proactive: {}\n'), 'yaml');
  assert.equal(sniffText('year: 2020\nedition: "2019"\n'), 'word-text', 'no tables/agency key');
  assert.equal(sniffText('聊城市自然资源和规划局\nagency: x\n'), 'word-text', 'first line is not a mapping');
});

test('sniffText: HTML by its tags', () => {
  assert.equal(sniffText('<!DOCTYPE html><html><body><p>x</p></body></html>'), 'html');
  assert.equal(sniffText('<table><tr><td>1</td></tr></table>'), 'html');
  assert.equal(sniffText('\n\n<div class="content"><p>报告</p></div>'), 'html');
  assert.equal(sniffText('对《聊城市建设项目》<聊城市规划>的说明\n'), 'word-text', 'angle brackets are not tags');
});

test('sniffText: Word text vs pdftotext -layout', () => {
  const word = '二、主动公开政府信息情况\n\t第二十条第（一）项\n\n\t信息内容\n\t本年新制作数量\n\t规章\n\t0\n';
  assert.equal(sniffText(word), 'word-text');
  const layout = [
    '信息内容          本年制发件数     本年废止件数   现行有效件数',
    '规章            1          0        11',
    '行政规范性文件       8          26       66',
    '一、本年新收政府信息公开申请数量                3001        53       0        0    61       4   3119',
    '二、上年结转政府信息公开申请数量                34          0        0        0        0    0    34',
  ].join('\n');
  assert.equal(sniffText(layout), 'pdftotext-layout');
  assert.equal(sniffText('一段文字。\n另一段文字。\n'), 'word-text', 'the default');
});

test('sniffText on the real corpus files', () => {
  if (!existsSync(CORPUS)) {
    console.log(`notice: ${CORPUS} is absent; the real-file check did not run`);
    return;
  }
  assert.equal(sniffText(readFileSync(`${CORPUS}/2020_liaocheng-zrzyghj.txt`, 'utf8')), 'word-text');
  for (const name of [
    '2023_huaian-hongze-district-gov',
    '2024_huaian-hongze-district-gov',
    '2024_huaian-city-gov',
  ]) {
    assert.equal(sniffText(readFileSync(`${CORPUS}/${name}.pdftotext-layout.txt`, 'utf8')), 'pdftotext-layout', name);
    assert.equal(sniffBinary(readFileSync(`${CORPUS}/${name}.pdf`)), 'pdf', name);
  }
});

test('sniffText: flattened text of a sparse report (three rows of glued figures, no TAB, no columns) is flat-text', () => {
  const text = ['2023年某局政府信息公开工作年度报告', '一、本年新收政府信息公开申请数量151151', '三、本年度办理结果（一）予以公开6363',
    '（二）部分公开', '（七）总计151151', '四、结转下年度继续办理'].join('\n');
  assert.equal(sniffText(text), 'flat-text');
});

test('sniffText: a sparse flattened page whose blank cells kept their &nbsp; ("（七）总计5       5") is flat-text, not layout text', () => {
  // Generated flattened text, seed 1171: sniffed as pdftotext -layout, whose reader took "规章 0 00" for a label and
  // read 规章's three 0s as blanks.
  const text = ['2025年某局政府信息公开工作年度报告', '信息内容本年制发件数 本年废止件数现行有效件数', '规章 0 00', '行政规范性文件2072',
    '行政许可3818', '行政事业性收费 2362.43', '一、本年新收政府信息公开申请数量5      5',
    '（二）部分公开（区分处理的，只计这一情形，不计其他情形）2      2', '（四）无法提供 1.本机关不掌握相关政府信息 3     3', '（七）总计5       5'].join('\n');
  assert.equal(sniffText(text), 'flat-text');
});
