/**
 * What a synthetic PDF page holds before it is written: strings placed at explicit positions and ruled line
 * segments, in PDF user space (points, origin at the bottom-left of an A4 page).
 */

export const A4 = { width: 595.28, height: 841.89 } as const;

export interface TextOp {
  kind: 'text';
  /** Left end of the baseline. */
  x: number;
  y: number;
  size: number;
  text: string;
}

export interface RuleOp {
  kind: 'rule';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export type DrawOp = TextOp | RuleOp;

export interface PageDraw {
  ops: DrawOp[];
  /** Rendered as a picture of the page only, with no text layer (a scanned page). */
  scanned: boolean;
}

/** Coordinates to hundredths of a point, so that the content streams stay short and exact. */
export const round2 = (n: number): number => Math.round(n * 100) / 100;

export const textOp = (x: number, y: number, size: number, text: string): TextOp => ({ kind: 'text', x: round2(x), y: round2(y), size, text });

export const ruleOp = (x1: number, y1: number, x2: number, y2: number): RuleOp => ({
  kind: 'rule', x1: round2(x1), y1: round2(y1), x2: round2(x2), y2: round2(y2),
});
