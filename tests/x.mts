import { generate } from '../pipeline/synth/generate.ts';
import { renderBytes } from '../pipeline/synth/index.ts';
const seed = Number(process.argv[2]); const opts = process.argv[3] ? { blankStyle: process.argv[3] as any } : {};
const g = generate(seed, opts);
const t = new TextDecoder().decode(await renderBytes('pdftotext-layout', g.values, { narrative: g.narrative }));
const lines = t.split('\n'); const i = lines.findIndex(l => l.includes('收到和处理政府信息公开申请情况'));
console.log(lines.slice(i, i + 75).map((l, k) => String(i + k + 1).padStart(4) + '|' + l).join('\n'));
