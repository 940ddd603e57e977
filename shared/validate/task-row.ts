// One matched task row, checked whole: its fixed cells as laid out, its
// fillable cells valid; the SubmissionRow it gives when nothing is wrong.
import type { TaskRowLayout } from '../layout/sheet.ts';
import type { SubmissionRow } from '../submission/schema.ts';
import { checkFillCells } from './fill-cells.ts';
import { checkFixedCells } from './fixed-cells.ts';
import type { CheckedGrid, ColumnPositions } from './grid.ts';

/**
 * Checks task `t` on grid row `r` (fixed cells, whose texts are `fixed`,
 * then fillable cells) and returns its SubmissionRow, or null when the row
 * has an error or no status.
 */
export function checkTaskRow(
  grid: CheckedGrid,
  t: TaskRowLayout,
  fixed: readonly string[],
  r: number,
  columns: ColumnPositions,
): SubmissionRow | null {
  const before = grid.findings.length;
  checkFixedCells(grid, t, r, columns.tt, fixed);
  const { status, percent, texts } = checkFillCells(grid, t, r, columns);
  if (grid.errorsSince(before) || !status) return null;
  return {
    taskId: t.taskId,
    role: t.role,
    status,
    percent,
    result: texts.result ?? '',
    completedProducts: texts.completedProducts ?? '',
    difficulties: texts.difficulties ?? '',
    proposals: texts.proposals ?? '',
  };
}
