// Content outside the table: below it, or left or right of it. It is not
// submitted, so the user is told rather than surprised.
import { COLUMNS } from '../layout/columns.ts';
import { isBlank } from './cells.ts';
import type { CheckedGrid } from './grid.ts';

/**
 * Reports one TRAILING_CONTENT warning per grid row from the header row
 * down that holds a value outside the table (columns `left` to
 * `left + COLUMNS.length - 1`, rows up to `last`, the last task row): at the
 * row's first such cell below the table, else the first right of it, else
 * the last left of it.
 */
export function checkOutside(
  grid: CheckedGrid,
  headerRow: number,
  last: number,
  left: number,
): void {
  const width = COLUMNS.length;
  for (let r = headerRow; r < grid.values.length; r++) {
    const row = grid.values[r] ?? [];
    let c = -1;
    if (r > last) c = row.findIndex((v) => !isBlank(v));
    if (c < 0) {
      for (let k = left + width; k < row.length; k++) {
        if (!isBlank(row[k])) {
          c = k;
          break;
        }
      }
    }
    if (c < 0) for (let k = 0; k < left && k < row.length; k++) if (!isBlank(row[k])) c = k;
    if (c >= 0) grid.add('TRAILING_CONTENT', r, c, {}, { field: 'outside' });
  }
}
