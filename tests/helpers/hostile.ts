/**
 * Hostile inputs, made at test (or bench) time, never committed: each row of issue 14 §1's table at any size.
 * The tests make them small and lower the limits by config; bench/hostile.ts makes them at the issue's sizes.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { crc32, createDeflateRaw, deflateRawSync, deflateSync } from 'node:zlib';

/** A page nested `depth` <div>s deep (about 11 bytes a level). */
export function deepHtml(depth: number): string {
  return `<!doctype html><html><head><title>深</title></head><body>${'<div>'.repeat(depth)}x${'</div>'.repeat(depth)}</body></html>`;
}

/** Deflate `size` zero bytes, streaming (a few GB take seconds and little memory). */
async function deflateZeros(size: number): Promise<Buffer> {
  const deflate = createDeflateRaw({ level: 9 });
  const parts: Buffer[] = [];
  deflate.on('data', (b: Buffer) => parts.push(b));
  const chunk = Buffer.alloc(Math.min(size, 16 * 2 ** 20));
  let crc = 0;
  for (let left = size; left > 0; left -= chunk.length) {
    const piece = left >= chunk.length ? chunk : chunk.subarray(0, left);
    crc = crc32(piece, crc);
    if (!deflate.write(piece)) await once(deflate, 'drain');
  }
  deflate.end();
  await once(deflate, 'end');
  return Object.assign(Buffer.concat(parts), { crc });
}

interface ZipEntry {
  name: string;
  /** Deflated bytes, their CRC-32 and uncompressed size. */
  deflated: Buffer;
  crc: number;
  size: number;
  /** The uncompressed size written in the headers (a liar's, when it differs from size). */
  declared?: number;
}

function entryOf(name: string, text: string): ZipEntry {
  const data = Buffer.from(text, 'utf8');
  return { name, deflated: deflateRawSync(data), crc: crc32(data), size: data.length };
}

/** A zip file (deflate, no zip64) of the entries. */
function zip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const size = e.declared ?? e.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.deflated.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(e.crc >>> 0, 16);
    central.writeUInt32LE(e.deflated.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.deflated);
    centrals.push(central, name);
    offset += local.length + name.length + e.deflated.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** The parts of a .docx holding one paragraph of text. */
function docxParts(text: string): ZipEntry[] {
  return [
    entryOf('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'),
    entryOf('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'),
    entryOf('word/document.xml', `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:body></w:document>`),
  ];
}

/**
 * A .docx with a part of `inflated` zero bytes inside (word/bomb.xml, or `name`); `lie` writes a small size in its
 * headers, as bombs do to get past a check of the declared sizes; `declared` writes that size instead.
 */
export async function docxBomb(inflated: number, options: { lie?: boolean; declared?: number; name?: string } = {}): Promise<Buffer> {
  const deflated = await deflateZeros(inflated);
  const declared = options.declared ?? (options.lie ? 1000 : undefined);
  const bomb: ZipEntry = { name: options.name ?? 'word/bomb.xml', deflated, crc: (deflated as Buffer & { crc: number }).crc, size: inflated, ...(declared !== undefined ? { declared } : {}) };
  return zip([...docxParts('2024年政府信息公开工作年度报告'), bomb]);
}

/** A minimal .docx holding `text` (for fuzzing: its XML can be mutated before zipping). */
export function docxOf(documentXml: string): Buffer {
  const [types, rels] = docxParts('');
  return zip([types!, rels!, entryOf('word/document.xml', documentXml)]);
}

/** A PDF of one page whose content stream (FlateDecode) is `content` (its text is Helvetica /F1). */
export function pdfOf(contents: string[]): Buffer {
  const objects: string[] = [];
  const streams: Buffer[] = [];
  const pageIds = contents.map((_, k) => 4 + 2 * k);
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${contents.length} >>`;
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';
  contents.forEach((content, k) => {
    const id = pageIds[k]!;
    objects[id] = `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${id + 1} 0 R >>`;
    streams[id + 1] = deflateSync(Buffer.from(content, 'latin1'));
  });
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let length = parts[0]!.length;
  const push = (b: Buffer) => {
    parts.push(b);
    length += b.length;
  };
  const last = Math.max(objects.length, streams.length) - 1;
  for (let id = 1; id <= last; id++) {
    offsets[id] = length;
    const stream = streams[id];
    if (stream) {
      push(Buffer.from(`${id} 0 obj\n<< /Length ${stream.length} /Filter /FlateDecode >>\nstream\n`, 'latin1'));
      push(stream);
      push(Buffer.from('\nendstream\nendobj\n', 'latin1'));
    } else push(Buffer.from(`${id} 0 obj\n${objects[id]}\nendobj\n`, 'latin1'));
  }
  const xref = length;
  const rows = offsets.slice(1).map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  push(Buffer.from(`xref\n0 ${last + 1}\n0000000000 65535 f \n${rows}trailer\n<< /Size ${last + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts);
}

/** A one-page PDF that draws `segments` line segments (and a line of text). */
export function pdfSegments(segments: number): Buffer {
  const lines: string[] = ['BT /F1 12 Tf 72 800 Td (2024 report) Tj ET', '0.5 w'];
  for (let k = 0; k < segments; k++) lines.push(`${k % 500} ${k % 700} m ${(k % 500) + 10} ${k % 700} l S`);
  return pdfOf([lines.join('\n')]);
}

/** Write a text file of `size` bytes (lines of digits) without holding it in memory. */
export async function writeBigText(path: string, size: number): Promise<void> {
  const line = Buffer.from(`${'1234567890'.repeat(9)}\n`);
  const stream = createWriteStream(path);
  for (let left = size; left > 0; left -= line.length) {
    if (!stream.write(left >= line.length ? line : line.subarray(0, left))) await once(stream, 'drain');
  }
  stream.end();
  await once(stream, 'finish');
}
