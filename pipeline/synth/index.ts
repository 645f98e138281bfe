/** Synthetic reports: generate values, render them the ways agencies publish, as bytes. */
import { encodeText, toBytes } from './encode.ts';
import { renderDocx } from './render-docx.ts';
import { renderHtml } from './render-html.ts';
import { renderLayoutText } from './render-layout-text.ts';
import { renderPdf } from './render-pdf.ts';
import { renderJson, renderYaml } from './render-structured.ts';
import { renderWordText } from './render-word-text.ts';
import type { CompactReport, NarrativeFigures } from './types.ts';
import type { Variants } from './variants.ts';

export { generate, generatePair, generateValues, narrativeFigures, type GenerateOptions } from './generate.ts';
export { checkConsistency } from './check.ts';
export type * from './types.ts';

/** Every way a synthetic report can be printed; the GBK ones are byte-level variants of two text renderings. */
export const SYNTH_RENDERINGS = [
  'word-text', 'html', 'html-word', 'docx', 'pdf', 'pdftotext-layout', 'json', 'yaml', 'word-text-gbk', 'html-gbk',
] as const;
export type SynthRendering = (typeof SYNTH_RENDERINGS)[number];

export const FILE_NAMES: Record<SynthRendering, string> = {
  'word-text': 'word-text.txt',
  html: 'page.html',
  'html-word': 'word-export.htm',
  docx: 'report.docx',
  pdf: 'report.pdf',
  'pdftotext-layout': 'pdftotext-layout.txt',
  json: 'values.json',
  yaml: 'values.yaml',
  'word-text-gbk': 'word-text.gbk.txt',
  'html-gbk': 'page.gbk.html',
};

export interface RenderOptions {
  narrative?: NarrativeFigures;
  seed?: number;
  /** Force variants (variants.ts) where the rendering prints them; the others are drawn. */
  variants?: Partial<Variants>;
}

/** One report in one rendering, as the bytes of the file. */
export async function renderBytes(rendering: SynthRendering, values: CompactReport, opts: RenderOptions = {}): Promise<Uint8Array> {
  switch (rendering) {
    case 'word-text': return toBytes(renderWordText(values, opts));
    case 'word-text-gbk': return toBytes(renderWordText(values, { ...opts, encoding: 'gbk' }));
    case 'html': return toBytes(renderHtml(values, opts));
    case 'html-gbk': return toBytes(renderHtml(values, { ...opts, encoding: 'gbk' }));
    case 'html-word': return toBytes(renderHtml(values, { ...opts, wordExport: true }));
    case 'docx': return renderDocx(values, opts);
    case 'pdf': return renderPdf(values, opts);
    case 'pdftotext-layout': return toBytes(renderLayoutText(values, opts));
    case 'json': return toBytes(encodeText(renderJson(values, { narrative: opts.narrative })));
    case 'yaml': return toBytes(encodeText(renderYaml(values, { narrative: opts.narrative })));
  }
}

export { renderDocx, renderHtml, renderJson, renderLayoutText, renderPdf, renderWordText, renderYaml };
export type { PdfFont, PdfRenderOptions } from './render-pdf.ts';
