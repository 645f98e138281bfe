import { generate } from '../pipeline/synth/generate.ts';
import { renderBytes } from '../pipeline/synth/index.ts';
const seed = Number(process.argv[2]);
const g = generate(seed, {});
const t = new TextDecoder().decode(await renderBytes('pdftotext-layout', g.values, { narrative: g.narrative }));
const lines = t.split('\n'); const i = lines.findIndex(l => l.includes('行政复议、行政诉讼情况'));
console.log(lines.slice(i, i + 14).map((l, k) => String(i + k + 1).padStart(4) + '|' + l).join('\n'));
