/**
 * Word 97–2003 property modifiers (sprms) of a paragraph: whether it is in a table, whether it ends a table row,
 * and for a row end which of its cells are covered by a merge ([MS-DOC] 2.6.2 and 2.6.4). Only what the table
 * structure needs is decoded; every other sprm is skipped by its operand size. Pure.
 */

export interface ParagraphProps {
  inTable: boolean;
  /** The paragraph is a table row's end mark (TTP). */
  rowEnd: boolean;
  /** Table depth (sprmPItap): 0 outside tables; 2 or more inside a table nested in a cell. */
  depth: number;
  /** For a row end: per cell, true when the cell is covered by a vertical or horizontal merge (not printed). */
  covered: boolean[];
  /** The paragraph's properties are in the Data stream (sprmPHugePapx): its file offset there. */
  hugeAt?: number;
}

const PF_IN_TABLE = 0x2416;
const PF_TTP = 0x2417;
const PF_INNER_TABLE_CELL = 0x244b;
const PF_INNER_TTP = 0x244c;
const P_ITAP = 0x6649;
const P_HUGE_PAPX = 0x6646;
const T_DEF_TABLE = 0xd608;
const T_VERT_MERGE = 0xd62b;
const T_MERGE = 0x5624;
const P_CHG_TABS = 0xc615;
const TC80_SIZE = 20;

/** Operand size for a sprm's spra (bits 13–15), or -1 when the operand states its own size. */
const FIXED_SIZE = [1, 1, 2, 4, 2, 2, -1, 3];

function operandSize(sprm: number, bytes: Uint8Array, at: number, view: DataView): number {
  const fixed = FIXED_SIZE[sprm >>> 13]!;
  if (fixed >= 0) return fixed;
  if (sprm === T_DEF_TABLE) return at + 2 <= bytes.length ? view.getUint16(at, true) + 1 : bytes.length - at;
  if (sprm === P_CHG_TABS && bytes[at] === 0xff) return bytes.length - at;
  return at < bytes.length ? bytes[at]! + 1 : 0;
}

/** Vertical merge flag of a TC80 (bits 5–6 of tcgrf): 1 = covered by the cell above, 3 = first of a merge. */
function coveredByTc(tcgrf: number): boolean {
  const horizontal = tcgrf & 0x3;
  const vertical = (tcgrf >>> 5) & 0x3;
  return vertical === 1 || horizontal === 2 || horizontal === 3;
}

function defineTable(bytes: Uint8Array, at: number, view: DataView, props: ParagraphProps): void {
  const start = at + 2;
  if (start >= bytes.length) return;
  const columns = bytes[start]!;
  const tcs = start + 1 + (columns + 1) * 2;
  props.covered = Array.from({ length: columns }, (_, i) => {
    const tc = tcs + i * TC80_SIZE;
    return tc + 2 <= bytes.length ? coveredByTc(view.getUint16(tc, true)) : false;
  });
}

/** Apply the grpprl `bytes` (from `from`) to `props`. */
export function applySprms(bytes: Uint8Array, from: number, props: ParagraphProps): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = from;
  while (at + 2 <= bytes.length) {
    const sprm = view.getUint16(at, true);
    at += 2;
    const size = operandSize(sprm, bytes, at, view);
    if (at + size > bytes.length) break;
    switch (sprm) {
      case PF_IN_TABLE: props.inTable = bytes[at] !== 0; break;
      case PF_TTP: props.rowEnd = bytes[at] !== 0; break;
      case PF_INNER_TABLE_CELL: if (bytes[at] !== 0) props.inTable = true; break;
      case PF_INNER_TTP: if (bytes[at] !== 0) props.rowEnd = true; break;
      case P_ITAP: props.depth = view.getInt32(at, true); break;
      case P_HUGE_PAPX: props.hugeAt = view.getUint32(at, true); break;
      case T_DEF_TABLE: defineTable(bytes, at, view, props); break;
      case T_VERT_MERGE: {
        const cell = bytes[at + 1]!;
        if (cell < props.covered.length) props.covered[cell] = (bytes[at + 2]! & 0x3) === 1;
        break;
      }
      case T_MERGE: {
        for (let c = bytes[at]! + 1; c < bytes[at + 1]! && c < props.covered.length; c++) props.covered[c] = true;
        break;
      }
    }
    at += size;
  }
}

export function emptyProps(): ParagraphProps {
  return { inTable: false, rowEnd: false, depth: 0, covered: [] };
}
