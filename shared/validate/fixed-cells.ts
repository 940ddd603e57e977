// The fixed cells of a task row (content, role, product, timeline) come from
// the plan and are locked on the sheet: they must come back as laid out.
import { COLUMN_INDEX, COLUMNS } from '../layout/columns.ts';
import type { TaskRowLayout } from '../layout/sheet.ts';
import { fold } from '../text/normalize.ts';
import type { CheckedGrid, ColumnPositions } from './grid.ts';

const FIXED_KEYS = ['content', 'role', 'product', 'timeline'] as const;

/**
 * Reports FIXED_CELL_CHANGED, left to right, for each fixed cell of task `t`
 * on grid row `r` that differs from the layout's text (compared with
 * text/normalize.ts fold(): Unicode form, whitespace, typographic dashes and
 * quotes, and spacing around punctuation do not count as changes; case does).
 */
export function checkFixedCells(
  grid: CheckedGrid,
  t: TaskRowLayout,
  r: number,
  columns: ColumnPositions,
): void {
  for (const key of FIXED_KEYS) {
    const v = grid.cell(r, columns[key]);
    // Most cells are untouched: compare as-is first, fold only when they differ.
    if (v !== t.fixed[key] && (typeof v !== 'string' || fold(v) !== fold(t.fixed[key]))) {
      const column = COLUMNS[COLUMN_INDEX[key]]?.header;
      grid.add(
        'FIXED_CELL_CHANGED',
        r,
        columns[key],
        { taskId: t.taskId, column: column?.vi, columnEn: column?.en, expected: t.fixed[key] },
        { field: key, taskId: t.taskId },
      );
    }
  }
}
