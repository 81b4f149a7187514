/** Where a table's cells stand on its grid, once rowspan and colspan are laid out. */
import type { Table } from '../gazette/model.ts';

type Row = Table['rows'][number];

/**
 * For each row of a row group (thead or tbody: spans never cross them), whether each cell starts in the first
 * column. A row under a cell with rowspan > 1 starts further right: its first cell is not the table's first
 * column, so a sticky first column must mark cells by grid position, not as :first-child. A cell spanning
 * columns (a note row) is not marked: it is as wide as what scrolls under it.
 */
export function firstColumnCells(rows: readonly Row[]): boolean[][] {
  const taken: boolean[][] = rows.map(() => []);
  return rows.map((row, r) => {
    let col = 0;
    return row.cells.map((cell) => {
      while (taken[r]?.[col]) col++;
      const start = col;
      for (let dr = 0; dr < cell.rowspan && r + dr < rows.length; dr++) for (let dc = 0; dc < cell.colspan; dc++) (taken[r + dr] ??= [])[start + dc] = true;
      col += cell.colspan;
      return start === 0 && cell.colspan === 1;
    });
  });
}
