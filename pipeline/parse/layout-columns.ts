/**
 * Layout text of a table whose rows print nothing for a blank cell, over several pages: pdftotext lays each page out
 * on a grid of its own, so where the columns stand must be measured on each page. The table's own figures tell it:
 * a page's figures, all rows together, stand in as many clusters as the columns they fill (a cell's figure is
 * centred in it, so figures of one column stand within a slot or two of each other, and columns stand further
 * apart). When a page's figures form exactly one cluster per column, the clusters are the columns, left to right.
 * Otherwise the page says nothing of its own (fewer clusters: some column prints no figure on the page, and which
 * one is not known). Where the table's header stands on the same page, the two must agree, or neither is used. Pure.
 */
import type { TextCell } from '../ingest/types.ts';
import { centresFromHeader } from './place-by-position.ts';

/** Figures of one column stand within this many slots of each other (centres)… */
const SPREAD = 2;
/** …and a gap of at least this many slots between neighbouring figures' centres starts another column. */
const GAP = 2;
/** The header's centre and the page's cluster agree within this many slots. */
const AGREE = 1.5;

const centreOf = (c: TextCell): number => c.x! + (c.width ?? [...c.text].length) / 2;
const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Each page's column centres from its figures (rows: each row's printed figures), where they settle it. */
export function pageColumns(rows: ReadonlyArray<readonly TextCell[]>, width: number): Map<number, number[]> {
  const byPage = new Map<number, number[]>();
  for (const row of rows) {
    for (const v of row) {
      if (v.page === undefined || v.x === undefined || v.text.trim() === '') continue;
      const list = byPage.get(v.page);
      if (list) list.push(centreOf(v));
      else byPage.set(v.page, [centreOf(v)]);
    }
  }
  const out = new Map<number, number[]>();
  for (const [page, xs] of byPage) {
    xs.sort((a, b) => a - b);
    const clusters: number[][] = [];
    for (const x of xs) {
      const last = clusters.at(-1);
      if (last && x - last.at(-1)! < GAP) last.push(x);
      else clusters.push([x]);
    }
    if (clusters.length !== width || clusters.some((c) => c.at(-1)! - c[0]! > SPREAD)) continue;
    // Two figures of one row in one cluster: the clusters are not the columns.
    const clusterOf = (x: number): number => clusters.findIndex((c) => x >= c[0]! && x <= c.at(-1)!);
    const apart = rows.every((row) => {
      const ks = row.filter((v) => v.page === page && v.x !== undefined && v.text.trim() !== '').map((v) => clusterOf(centreOf(v)));
      return ks.every((k, j) => j === 0 || k > ks[j - 1]!);
    });
    if (apart) out.set(page, clusters.map(median));
  }
  return out;
}

/**
 * The column centres for a row on `page`: the page's own clusters, checked against the header when the header stands
 * on that page; else the header's on that page; else null.
 */
export function columnsOnPage(page: number | undefined, columns: ReadonlyMap<number, readonly number[]>, headers: ReadonlyMap<number, readonly number[]>): number[] | null {
  if (page === undefined) return null;
  const own = columns.get(page);
  const header = headers.get(page);
  if (own && header) return own.every((x, k) => Math.abs(x - header[k]!) <= AGREE) || sameColumns(own, header) ? [...own] : null;
  return own ? [...own] : header ? [...header] : null;
}

/**
 * Whether the page's clusters and its header, further apart than AGREE, still name the same columns: each cluster
 * nearest its own column's header centre, a slot nearer than any other's. pdftotext may draw a header line in or out
 * on its own (office seed 727: 科研机构's header 3 slots left of its figures, 社会公益组织's 2, the other five within a
 * slot); a cluster the header would put under another column (seed 263: the 社会 figures nearest 法律's header) keeps
 * the page without columns, as does a column's figures split in two clusters (both nearest one header).
 */
function sameColumns(own: readonly number[], header: readonly number[]): boolean {
  if (own.length !== header.length) return false;
  return own.every((x, k) => header.every((h, j) => j === k || Math.abs(x - h) >= Math.abs(x - header[k]!) + 1));
}

/** The header's column centres on each page that prints the header (cells before the table's first row). */
export function headersByPage(cells: readonly TextCell[], words: ReadonlyArray<readonly string[]>): Map<number, number[]> {
  const out = new Map<number, number[]>();
  for (const page of new Set(cells.flatMap((c) => (c.page === undefined ? [] : [c.page])))) {
    const centres = centresFromHeader(cells.filter((c) => c.page === page), words);
    if (centres) out.set(page, centres);
  }
  return out;
}
