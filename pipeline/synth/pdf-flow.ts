/**
 * Pagination: items of fixed height (a line of text, a table row, a gap) placed top to bottom, page after page.
 * An item never splits; an item that keeps with the next moves to a new page with it; a gap at the top of a page is
 * dropped; an item may force a new page before it.
 */

export interface FlowItem {
  height: number;
  /** Stay on the same page as the next item (a heading, a table row the page may not end after). */
  keepWithNext?: boolean;
  /** Start a new page before this item. */
  breakBefore?: boolean;
  /** White space: dropped at the top of a page. */
  gap?: boolean;
}

export interface Placement {
  /** 0-based page. */
  page: number;
  /** The item's top, in PDF user space; null for a dropped gap. */
  top: number | null;
}

export function paginate(items: FlowItem[], area: { top: number; bottom: number }): Placement[] {
  const full = area.top - area.bottom;
  const out: Placement[] = [];
  let page = 0;
  let y = area.top;
  const newPage = (): void => {
    page++;
    y = area.top;
  };
  items.forEach((item, i) => {
    const empty = y >= area.top;
    if (item.breakBefore && !empty) newPage();
    if (item.gap && y >= area.top) {
      out.push({ page, top: null });
      return;
    }
    let chain = item.height;
    for (let j = i; items[j]?.keepWithNext && items[j + 1] && !items[j + 1]!.breakBefore && chain < full; j++) chain += items[j + 1]!.height;
    if (y - Math.min(chain, full) < area.bottom - 1e-6 && y < area.top) newPage();
    out.push({ page, top: y });
    y -= item.height;
  });
  return out;
}
