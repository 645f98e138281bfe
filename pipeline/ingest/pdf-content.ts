/**
 * What a PDF page holds for table reading: its text items and its ruling lines, in points from the page's
 * top-left corner (y grows downwards), and whether it paints images. Read with pdfjs-dist; the geometry helpers
 * below are pure.
 */

/** One run of text as the PDF draws it. */
export interface PdfText {
  text: string;
  /** Left edge and baseline, points from the top-left of the page. */
  x: number;
  baseline: number;
  /** Advance width and font size, in points. */
  width: number;
  size: number;
}

/** An axis-aligned ruling line: horizontal when y1 = y2, vertical when x1 = x2. */
export interface Rule {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface PdfPage {
  /** 1-based page number. */
  number: number;
  width: number;
  height: number;
  texts: PdfText[];
  rules: Rule[];
  /** Images the page paints (a scan is one big image and no text). */
  images: number;
}

export type Matrix = [number, number, number, number, number, number];

export const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** m1 × m2 in PDF's row-vector convention: apply m2 first, then m1 (as pdf.js's Util.transform). */
export function multiply(m1: readonly number[], m2: readonly number[]): Matrix {
  const [a, b, c, d, e, f] = m1 as Matrix;
  const [a2, b2, c2, d2, e2, f2] = m2 as Matrix;
  return [a * a2 + c * b2, b * a2 + d * b2, a * c2 + c * d2, b * c2 + d * d2, a * e2 + c * f2 + e, b * e2 + d * f2 + f];
}

export function apply(m: readonly number[], x: number, y: number): [number, number] {
  const [a, b, c, d, e, f] = m as Matrix;
  return [a * x + c * y + e, b * x + d * y + f];
}

/** Thinner than this, a filled rectangle is a drawn line (Word and WPS draw cell borders both ways). */
const MAX_RULE_THICKNESS = 3;
/** Shorter than this, a segment is no table border (tick marks, bullets, glyph-like drawings). */
const MIN_RULE_LENGTH = 4;
const AXIS_TOLERANCE = 0.6;

function rule(x1: number, y1: number, x2: number, y2: number): Rule | null {
  if (Math.abs(y1 - y2) <= AXIS_TOLERANCE && Math.abs(x2 - x1) >= MIN_RULE_LENGTH) {
    const y = (y1 + y2) / 2;
    return { x1: Math.min(x1, x2), y1: y, x2: Math.max(x1, x2), y2: y };
  }
  if (Math.abs(x1 - x2) <= AXIS_TOLERANCE && Math.abs(y2 - y1) >= MIN_RULE_LENGTH) {
    const x = (x1 + x2) / 2;
    return { x1: x, y1: Math.min(y1, y2), x2: x, y2: Math.max(y1, y2) };
  }
  return null;
}

/** A thin filled rectangle (its four corners) as the line it draws, or null. */
function thinBox(points: ReadonlyArray<[number, number]>): Rule | null {
  if (points.length < 4) return null;
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const [x1, x2, y1, y2] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const axisAligned = points.every(([x, y]) => (Math.abs(x - x1) < AXIS_TOLERANCE || Math.abs(x - x2) < AXIS_TOLERANCE) &&
    (Math.abs(y - y1) < AXIS_TOLERANCE || Math.abs(y - y2) < AXIS_TOLERANCE));
  if (!axisAligned) return null;
  if (y2 - y1 <= MAX_RULE_THICKNESS && x2 - x1 >= MIN_RULE_LENGTH) return rule(x1, (y1 + y2) / 2, x2, (y1 + y2) / 2);
  if (x2 - x1 <= MAX_RULE_THICKNESS && y2 - y1 >= MIN_RULE_LENGTH) return rule((x1 + x2) / 2, y1, (x1 + x2) / 2, y2);
  return null;
}

/**
 * The ruling lines of one painted path, in page space. `subpaths` are the path's polylines already mapped to
 * page space. A stroked path gives every straight axis-aligned segment; a filled one only its thin rectangles
 * (a filled cell background is no border).
 */
export function pathRules(subpaths: ReadonlyArray<ReadonlyArray<[number, number]>>, stroked: boolean, filled: boolean): Rule[] {
  const out: Rule[] = [];
  for (const points of subpaths) {
    if (stroked) {
      for (let k = 1; k < points.length; k++) {
        const r = rule(points[k - 1]![0], points[k - 1]![1], points[k]![0], points[k]![1]);
        if (r) out.push(r);
      }
    } else if (filled) {
      const r = thinBox(points);
      if (r) out.push(r);
    }
  }
  return out;
}
