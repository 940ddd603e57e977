// The fillable cells of a progress sheet as one block of values: what
// "Nạp báo cáo đã gửi" writes (a version sent) and what a carried-forward
// start prefills (status, percent, completed products). Only F–K of the task
// rows: the cells the protected sheet leaves unlocked.

import { COLUMNS } from '../../../shared/layout/columns.ts';
import { layoutToGrid, type SheetLayout } from '../../../shared/layout/sheet.ts';
import type { FillCells } from '../../../shared/submission/to-grid.ts';

const FIRST_FILL = COLUMNS.findIndex((c) => !c.fixed);

/**
 * The values of `layout.ranges.fill` (F7:K<last>), each task's cells from
 * `fill` ('' where it gives none); null for a layout without tasks.
 */
export function fillBlock(
  layout: SheetLayout,
  fill: (task: { taskId: string }) => FillCells,
): { range: string; values: (string | number)[][] } | null {
  if (!layout.ranges.fill) return null;
  const grid = layoutToGrid(layout, fill);
  const values = grid
    .slice(grid.length - layout.tasks.length)
    .map((r) => r.slice(FIRST_FILL).map((v) => (typeof v === 'boolean' ? String(v) : v)));
  return { range: layout.ranges.fill, values };
}
