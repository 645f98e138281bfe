/** Small HTML helpers shared by the site's pages: escaping, number and size formats, relative links. Pure. */
import { posix } from 'node:path';
import { memoised } from '../../memoised.ts';
import { printableText } from '../../printable.ts';

/**
 * Escape text for HTML content and double- or single-quoted attributes (also inside inline SVG); control characters
 * and bidi overrides become visible escapes.
 */
export function esc(value: string | number): string {
  const text = typeof value === 'string' ? value : String(value);
  return NEEDS_ESCAPE.test(text) ? escText(text) : text;
}

/**
 * What escText changes: the five characters HTML escapes, and the controls printable.ts printableText makes visible
 * (tab and line breaks kept). Most texts have none: they skip the cache and its copy of every new text.
 */
const NEEDS_ESCAPE = /[&<>"'\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** Memoised: labels, titles, codes and figures recur on every page (six regular expressions a call otherwise). */
const escText = memoised((text: string): string =>
  printableText(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;'));

/**
 * JSON for a `<script type="application/ld+json">` element: `<`, `>` and `&` become \u escapes, so no `</script>`
 * or `<!--` inside a string can end the element early; the result is still the same JSON.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value, null, 2)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * The link from one page of the release to another file of it (both paths relative to the release root); a fragment
 * (#key, the national layout's links to a row or a bundle line: release-layout.ts) is kept, encoded.
 */
export function href(fromPage: string, to: string): string {
  const hash = to.indexOf('#');
  if (hash >= 0) return `${href(fromPage, to.slice(0, hash))}#${encodeURIComponent(to.slice(hash + 1))}`;
  const rel = posix.relative(posix.dirname(fromPage), to) || posix.basename(to);
  return rel.split('/').map((seg) => (seg === '..' ? seg : encodeURIComponent(seg))).join('/');
}

/**
 * A link to a report's JSON document: its own file (application/json), or in the national layout its line in its
 * year's bundle (reports/2024.ndjson.gz#<id>: a gzip file of NDJSON, one document a line, the line found by the
 * report id), typed and labelled as what it downloads. `long`: the report page's wording.
 */
export function reportJsonLink(fromPage: string, jsonPath: string, id: string, long = false): string {
  const link = esc(href(fromPage, jsonPath));
  if (!/\.ndjson\.gz(?:#|$)/.test(jsonPath)) {
    return `<a href="${link}" type="application/json">${long ? bi('下载本报告 JSON', 'Download this report as JSON') : 'JSON'}</a>`;
  }
  const zh = `本年度报告包：gzip 压缩的 NDJSON，每行一份报告的 JSON，本报告为 id 为 ${id} 的一行`;
  const en = `The year's bundle: gzip-compressed NDJSON, one report's JSON a line; this report is the line with id ${id}`;
  return long
    ? `<a href="${link}" type="application/gzip">${bi('下载本年度报告包（NDJSON，gzip）', "Download the year's reports (NDJSON, gzip)")}</a> <span class="note">${bi(`每行一份报告的 JSON，本报告为 id 为 ${id} 的一行`, `one report's JSON a line; this report is the line with id ${id}`)}</span>`
    : `<a href="${link}" type="application/gzip" title="${esc(`${zh} / ${en}`)}">NDJSON.gz</a>`;
}

/** An external link taken from data: only http(s) URLs become links; anything else stays text. */
export function externalUrl(value: string): string | null {
  return /^https?:\/\/[^\s<>"']+$/i.test(value) ? value : null;
}

/** 1234567 → "1,234,567"; non-integers keep their decimals. Locale-independent, so pages are byte-stable. */
export function num(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  // Small integers (most figures) need no grouping.
  if (Number.isInteger(value) && value >= 0 && value < 1000) return String(value);
  const [int = '', frac] = String(Math.abs(value)).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${value < 0 ? '-' : ''}${grouped}${frac === undefined ? '' : `.${frac}`}`;
}

/** A size in decimal units: 532 B, 25.8 kB, 3.1 MB. */
export function bytes(n: number): string {
  if (n < 1000) return `${n} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let v = n / 1000;
  let u = 0;
  while (v >= 1000 && u < units.length - 1) {
    v /= 1000;
    u += 1;
  }
  return `${v.toFixed(1)} ${units[u]}`;
}

/** Byte-wise string order (no locale), for deterministic sorting. */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A bilingual label: Chinese first, English after it in a muted span. Both are escaped. */
export function bi(zh: string, en: string): string {
  return `${esc(zh)} <span class="en" lang="en">${esc(en)}</span>`;
}

/** A validation status badge from warning and error counts. */
export function statusBadge(warnings: number, errors: number, flags: readonly string[] = []): string {
  const title = flags.length ? ` title="${esc(flags.join('; '))}"` : '';
  if (errors > 0) {
    return `<span class="badge err"${title}>✖ ${errors} 错误 <span lang="en">error${errors === 1 ? '' : 's'}</span>${
      warnings ? ` · ⚠ ${warnings}` : ''}</span>`;
  }
  if (warnings > 0) {
    return `<span class="badge warn"${title}>⚠ ${warnings} 警告 <span lang="en">warning${warnings === 1 ? '' : 's'}</span></span>`;
  }
  return '<span class="badge ok">✓ 通过 <span lang="en">passed</span></span>';
}
