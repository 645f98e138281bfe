/**
 * Legacy Word .doc and WPS .wps: the committed minimal.doc is LibreOffice's "save as Word 97" of minimal.docx and
 * must read to the same cells; broken or foreign OLE2 files are InputErrors naming the file and saying what to do.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import CFB from 'cfb';
import { InputError } from '../../pipeline/errors.ts';
import { readDoc } from '../../pipeline/ingest/doc.ts';
import { readDocx } from '../../pipeline/ingest/docx.ts';
import { ingest } from '../../pipeline/ingest/index.ts';
import { sniffBinary } from '../../pipeline/ingest/sniff.ts';

const FIXTURES = new URL('../fixtures/ingest/', import.meta.url);
const MINIMAL_DOC = new Uint8Array(readFileSync(new URL('minimal.doc', FIXTURES)));

/** An OLE2 container holding the given streams. */
function ole2(streams: Record<string, Uint8Array>): Uint8Array {
  const container = CFB.utils.cfb_new();
  for (const [name, content] of Object.entries(streams)) CFB.utils.cfb_add(container, `/${name}`, content);
  return new Uint8Array(CFB.write(container, { type: 'buffer' }) as Buffer);
}

/** minimal.doc with its WordDocument stream changed by `edit`. */
function editedDoc(edit: (word: Uint8Array) => void): Uint8Array {
  const container = CFB.read(Buffer.from(MINIMAL_DOC), { type: 'buffer' });
  const entry = CFB.find(container, 'WordDocument')!;
  const word = new Uint8Array(entry.content as Uint8Array);
  edit(word);
  entry.content = word;
  entry.size = word.length;
  return new Uint8Array(CFB.write(container, { type: 'buffer' }) as Buffer);
}

async function inputError(bytes: Uint8Array, name: string, message: RegExp): Promise<void> {
  await assert.rejects(ingest(bytes, name), (err: unknown) => {
    assert.ok(err instanceof InputError, String(err));
    assert.equal(err.file, name);
    assert.match(err.message, message);
    return true;
  });
}

test('sniffBinary: an OLE2 compound file is ole2, whatever its name', () => {
  assert.equal(sniffBinary(MINIMAL_DOC), 'ole2');
  assert.equal(sniffBinary(ole2({ CONTENTS: new Uint8Array(8) })), 'ole2');
});

test('doc: the same cells as the .docx it was saved from (merged cell, empty cell, paragraphs)', async () => {
  const docx = await readDocx(readFileSync(new URL('minimal.docx', FIXTURES)), 'minimal.docx');
  assert.deepEqual(readDoc(MINIMAL_DOC, 'minimal.doc'), docx);
});

test('doc and wps are told from the bytes and recorded as the doc rendering', async () => {
  for (const name of ['minimal.doc', 'minimal.wps', 'report']) {
    const doc = await ingest(MINIMAL_DOC, name);
    assert.equal(doc.kind, 'cells');
    assert.equal(doc.source.rendering, 'doc');
    assert.equal(doc.source.mediaType, 'application/msword');
  }
});

test('a .wps without a WordDocument stream (old WPS/Works format) is refused: not readable, save as .docx', async () => {
  const wps = ole2({ CONTENTS: new Uint8Array(64), SPELLING: new Uint8Array(8) });
  await inputError(wps, '2019年报.wps', /old format \(no WordDocument stream\), which xxgk cannot read: open it in .*save it as \.docx/);
  await inputError(ole2({ Workbook: new Uint8Array(64) }), 'table.xls', /an Excel workbook \(\.xls\), not a Word document/);
  await inputError(ole2({ Other: new Uint8Array(64) }), 'x.wps', /without a WordDocument stream/);
});

test('a corrupted .doc is an InputError naming the file, never a crash', async () => {
  await inputError(MINIMAL_DOC.subarray(0, 600), 'cut.doc', /^unreadable legacy Office file \(OLE2 container/);
  const noIdent = editedDoc((w) => w.fill(0, 0, 2));
  await inputError(noIdent, 'ident.doc', /^unreadable Word \.doc\/\.wps \(no Word document header/);
  const encrypted = editedDoc((w) => { w[0x0b] = w[0x0b]! | 0x01; });
  await inputError(encrypted, 'locked.doc', /password-protected/);
  // fcClx (FibRgFcLcb97 entry 33) pointing far outside the table stream.
  const badClx = editedDoc((w) => new DataView(w.buffer, w.byteOffset).setUint32(154 + 33 * 8, 0x7fffff00, true));
  await inputError(badClx, 'clx.doc', /piece table lies outside the table stream/);
  const noTable = ole2({ WordDocument: new Uint8Array(readDocWord()) });
  await inputError(noTable, 'notable.doc', /the [01]Table stream is missing/);
});

test('a .doc over the size limit is refused before it is parsed', async () => {
  const { MAX_DOC_BYTES } = await import('../../pipeline/ingest/doc.ts');
  const big = new Uint8Array(MAX_DOC_BYTES + 1);
  big.set(MINIMAL_DOC.subarray(0, 8));
  // limits.maxBytes (20 MB by default) comes first, naming the key that raises it.
  await inputError(big, 'huge.doc', /^the file is 67,108,865 bytes, over the limit of 20,971,520 \(limits\.maxBytes in xxgk\.config\.yaml raises it\)/);
});

function readDocWord(): Uint8Array {
  const container = CFB.read(Buffer.from(MINIMAL_DOC), { type: 'buffer' });
  return new Uint8Array(CFB.find(container, 'WordDocument')!.content as Uint8Array);
}

test('random damage to the WordDocument stream gives cells or an InputError, nothing else', async () => {
  const fc = await import('fast-check');
  await fc.assert(
    fc.asyncProperty(fc.array(fc.tuple(fc.nat(4095), fc.nat(255)), { minLength: 1, maxLength: 16 }), async (edits) => {
      const bytes = editedDoc((w) => { for (const [at, value] of edits) w[at % w.length] = value; });
      try {
        await ingest(bytes, 'damaged.doc');
      } catch (err) {
        assert.ok(err instanceof InputError, `not an InputError: ${String(err)}`);
      }
    }),
    { numRuns: 200, seed: 11 },
  );
});

test('CLI: xxgk validate on a .wps it cannot read says what it is and what to do, and exits 2 (the other files still read)', async () => {
  const { spawnSync } = await import('node:child_process');
  const { writeFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { scratchDir } = await import('../helpers/scratch.ts');
  const dir = scratchDir('xxgk-wps-');
  const wps = join(dir, '2019年报.wps');
  writeFileSync(wps, ole2({ CONTENTS: new Uint8Array(64), SPELLING: new Uint8Array(8) }));
  const good = new URL('../../samples/real/2024_huaian-city-gov.json', import.meta.url).pathname;
  const root = new URL('../../', import.meta.url).pathname;
  const r = spawnSync(process.execPath, [join(root, 'bin/xxgk.js'), 'validate', '--format', 'json', wps, good], { cwd: root, encoding: 'utf8' });
  assert.equal(r.status, 2, `exit 2 for an input the tool cannot read: ${r.stderr}`);
  assert.match(r.stderr, /2019年报\.wps: a WPS Office or Microsoft Works file in an old format \(no WordDocument stream\), which xxgk cannot read: open it in .* and save it as \.docx/);
  const results: Array<{ valid: boolean }> = JSON.parse(r.stdout);
  assert.equal(results.length, 1, 'the readable file is still validated');
});
