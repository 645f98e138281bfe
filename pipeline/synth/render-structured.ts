/**
 * Structured renderings: the compact report as JSON or YAML (what pipeline/ingest/structured.ts reads back).
 * With `narrative`, the figures the text states travel along as NarrativeFigure objects.
 */
import { Document } from 'yaml';
import type { NarrativeFigure } from '../model/report.ts';
import type { CompactReport, NarrativeFigures } from './types.ts';
import { NARRATIVE_KEYS } from './types.ts';

export interface StructuredRenderOptions {
  narrative?: NarrativeFigures;
  /** JSON: a "$comment" field first; YAML: a comment above the document. */
  comment?: string;
}

const PHRASES: Record<string, (n: number) => string> = {
  received: (n) => `共收到政府信息公开申请${n}件`,
  handled: (n) => `共答复政府信息公开申请${n}件`,
  granted: (n) => `予以公开${n}件`,
  partially_granted: (n) => `部分公开${n}件`,
  reconsideration: (n) => `行政复议${n}件`,
  litigation: (n) => `行政诉讼${n}件`,
};

function withNarrative(values: CompactReport, narrative?: NarrativeFigures): Record<string, unknown> {
  const out: Record<string, unknown> = { ...values };
  if (narrative) {
    out.narrative = NARRATIVE_KEYS.map((key, i): NarrativeFigure => ({
      key, value: narrative[key], text: PHRASES[key]!(narrative[key]), source: { pointer: `/narrative/${i}` },
    }));
  }
  return out;
}

export function renderJson(values: CompactReport, opts: StructuredRenderOptions = {}): string {
  const data = withNarrative(values, opts.narrative);
  return `${JSON.stringify(opts.comment ? { $comment: opts.comment, ...data } : data, null, 2)}\n`;
}

export function renderYaml(values: CompactReport, opts: StructuredRenderOptions = {}): string {
  const doc = new Document(withNarrative(values, opts.narrative));
  if (opts.comment) doc.commentBefore = opts.comment.split('\n').map((l) => ` ${l}`).join('\n');
  return doc.toString({ lineWidth: 0 });
}
