/**
 * A table printed without merged cells, as pages converted from another format or pasted by some editors print it:
 * every grid position a rowspan/colspan covered becomes an empty cell of its own, the merged cell's text staying in
 * its top-left position ("一、本年新收… | | | 13612 | …", "行政许可 | 550 | | "). 'headers': table 三's header rows only
 * (a real 2025 page: an empty cell under 自然人 and under 总计 beside "商业企业 … 其他"); 'all': every row of every table.
 */
import type { Grid, GridCell } from './grid.ts';
import type { Unmerged } from './variants.ts';

const placeholder = (): GridCell => ({ kind: 'label', text: '', colspan: 1, rowspan: 1 });

export function unmergeGrid(grid: Grid, scope: Unmerged): Grid {
  if (scope === 'none' || (scope === 'headers' && grid.table !== 'applications')) return grid;
  const last = scope === 'headers' ? grid.headerRows : grid.rows.length;
  // covered[r] holds the grid positions of row r that a cell starting above or to the left spans.
  const covered: Array<Set<number>> = grid.rows.map(() => new Set<number>());
  const rows = grid.rows.map((row, r) => {
    if (r >= last) return row;
    const out: GridCell[] = [];
    let c = 0;
    const fill = (): void => {
      while (covered[r]!.has(c)) {
        out.push(placeholder());
        c++;
      }
    };
    for (const cell of row) {
      fill();
      out.push({ ...cell, colspan: 1, rowspan: 1 });
      for (let dr = 0; dr < cell.rowspan; dr++) {
        for (let dc = 0; dc < cell.colspan; dc++) if (dr > 0 || dc > 0) covered[r + dr]?.add(c + dc);
      }
      c++;
      fill();
    }
    fill();
    return out;
  });
  // A rowspan from the last unmerged row down into merged rows would leave those rows a cell short: 'headers' only
  // unmerges table 三's header rows, whose spans end inside them.
  return { ...grid, rows };
}
