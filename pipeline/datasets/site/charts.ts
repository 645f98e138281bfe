/** Inline SVG charts drawn at build time: no script, no fonts, no request. Pure. */
import { esc, num } from './html.ts';

const r1 = (n: number) => Math.round(n * 10) / 10;

export interface YearPoint {
  year: number;
  /** Sum over the year's reports; null when none of them prints the figure, or the year has no report. */
  value: number | null;
}

/** Vertical bars, one per year with a value, each labelled with its value; years without a value show "—". */
export function yearBars(id: string, label: { zh: string; en: string }, points: readonly YearPoint[]): string {
  const W = 300;
  const H = 190;
  const top = 22;
  const bottom = 26;
  const side = 8;
  const plot = H - top - bottom;
  const band = points.length ? (W - 2 * side) / points.length : W;
  const barW = Math.min(40, band * 0.62);
  const max = Math.max(0, ...points.map((p) => p.value ?? 0));
  const base = top + plot;
  const desc = points.map((p) => `${p.year}: ${p.value === null ? '—' : num(p.value)}`).join('; ');
  const marks = points.map((p, k) => {
    const cx = r1(side + band * k + band / 2);
    const tick = `<text class="tick" x="${cx}" y="${H - 8}" text-anchor="middle">${p.year}</text>`;
    if (p.value === null) {
      return `<g class="point missing" data-year="${p.year}"><text class="value" x="${cx}" y="${base - 4}" text-anchor="middle">—</text>${tick}</g>`;
    }
    const h = max > 0 ? r1((p.value / max) * plot) : 0;
    const y = r1(base - h);
    return `<g class="point" data-year="${p.year}" data-value="${p.value}">`
      + `<rect class="bar" x="${r1(cx - barW / 2)}" y="${y}" width="${r1(barW)}" height="${h}"><title>${p.year} 年：${num(p.value)}</title></rect>`
      + `<text class="value" x="${cx}" y="${r1(y - 5)}" text-anchor="middle">${num(p.value)}</text>${tick}</g>`;
  });
  return `<svg class="chart" id="${esc(id)}" viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="${esc(id)}-t ${esc(id)}-d">`
    + `<title id="${esc(id)}-t">${esc(label.zh)} ${esc(label.en)}</title><desc id="${esc(id)}-d">${esc(desc)}</desc>`
    + `<line class="axis" x1="${side}" y1="${base}" x2="${W - side}" y2="${base}"/>`
    + marks.join('')
    + '</svg>';
}

export interface Bar {
  label: string;
  value: number;
  /** Link (relative) the bar leads to. */
  href: string;
  /** The report behind the bar has warnings or errors. */
  flagged: boolean;
}

const MAX_LABEL = 15;

/** Horizontal bars, largest first, with the full label in a tooltip and each bar linking to its report. */
export function horizontalBars(id: string, label: { zh: string; en: string }, bars: readonly Bar[]): string {
  const W = 640;
  const row = 26;
  const labelW = 210;
  const valueW = 80;
  const top = 6;
  const H = top * 2 + row * Math.max(1, bars.length);
  const max = Math.max(0, ...bars.map((b) => b.value));
  const area = W - labelW - valueW;
  const marks = bars.map((b, k) => {
    const y = top + row * k;
    const w = max > 0 ? r1(Math.max(1, (b.value / max) * area)) : 1;
    const short = [...b.label].length > MAX_LABEL ? `${[...b.label].slice(0, MAX_LABEL - 1).join('')}…` : b.label;
    return `<a href="${esc(b.href)}"><g class="point" data-value="${b.value}">`
      + `<title>${esc(b.label)}：${num(b.value)}${b.flagged ? '（有校验警告 / has validation warnings）' : ''}</title>`
      + `<text class="label" x="${labelW - 8}" y="${y + 17}" text-anchor="end" font-size="12">${esc(short)}</text>`
      + `<rect class="bar${b.flagged ? ' warn' : ''}" x="${labelW}" y="${y + 4}" width="${w}" height="${row - 8}"/>`
      + `<text class="value" x="${r1(labelW + w + 6)}" y="${y + 17}">${num(b.value)}${b.flagged ? ' ⚠' : ''}</text>`
      + '</g></a>';
  });
  return `<svg class="chart hbars" id="${esc(id)}" viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="${esc(id)}-t">`
    + `<title id="${esc(id)}-t">${esc(label.zh)} ${esc(label.en)}</title>`
    + `<line class="axis" x1="${labelW}" y1="${top}" x2="${labelW}" y2="${H - top}"/>`
    + marks.join('')
    + '</svg>';
}
