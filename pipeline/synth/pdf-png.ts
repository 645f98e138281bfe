/**
 * A scanned page as a picture: a greyscale PNG (encoded here with node:zlib) of a grey sheet with a dark block
 * where each string of the page stood and a dark line for each rule, as a low-resolution scan shows them.
 */
import { deflateSync } from 'node:zlib';
import { textWidth } from './pdf-measure.ts';
import { A4, type DrawOp } from './pdf-ops.ts';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
}

/** An 8-bit greyscale PNG of `pixels` (row after row, one byte per pixel). */
export function encodeGreyPng(width: number, height: number, pixels: Uint8Array): Uint8Array {
  const raw = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width + 1)] = 0; // filter: none
    raw.set(pixels.subarray(y * width, (y + 1) * width), y * (width + 1) + 1);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8 bits, greyscale, deflate, adaptive filtering, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

const PAPER = 228;
const INK = 48;

/** The picture of a page at `dpi` dots per inch. */
export function scanPicture(ops: DrawOp[], dpi = 100): { png: Uint8Array; width: number; height: number } {
  const k = dpi / 72;
  const width = Math.round(A4.width * k);
  const height = Math.round(A4.height * k);
  const pixels = new Uint8Array(width * height).fill(PAPER);
  const fill = (x1: number, y1: number, x2: number, y2: number): void => {
    // PDF y grows upwards, rows downwards.
    const c1 = Math.max(0, Math.floor(x1 * k));
    const c2 = Math.min(width, Math.max(c1 + 1, Math.ceil(x2 * k)));
    const r1 = Math.max(0, Math.floor(height - y2 * k));
    const r2 = Math.min(height, Math.max(r1 + 1, Math.ceil(height - y1 * k)));
    for (let r = r1; r < r2; r++) pixels.fill(INK, r * width + c1, r * width + c2);
  };
  for (const op of ops) {
    if (op.kind === 'text') fill(op.x, op.y - 0.12 * op.size, op.x + textWidth(op.text, op.size), op.y + 0.75 * op.size);
    else fill(Math.min(op.x1, op.x2), Math.min(op.y1, op.y2), Math.max(op.x1, op.x2) + 0.5, Math.max(op.y1, op.y2) + 0.5);
  }
  return { png: encodeGreyPng(width, height, pixels), width, height };
}
