// The fixed cells of a task row (content, role, product, timeline) come from
// the plan and are locked on the sheet: they must come back as laid out.
import { COLUMN_INDEX, COLUMNS } from '../layout/columns.ts';
import type { TaskRowLayout } from '../layout/sheet.ts';
import { fold, mayFoldTo } from '../text/normalize.ts';
import type { CheckedGrid } from './grid.ts';

/** The fixed cells a row is checked for, left to right. */
export const FIXED_KEYS = ['content', 'role', 'product', 'timeline'] as const;

// Each fixed column's offset from the TT column and its title, once.
const FIXED_COLUMNS = FIXED_KEYS.map((key) => ({
  key,
  offset: COLUMN_INDEX[key],
  header: COLUMNS[COLUMN_INDEX[key]]?.header,
}));

/**
 * Reports FIXED_CELL_CHANGED, left to right, for each fixed cell of task `t`
 * on grid row `r` that differs from the layout's text (compared with
 * text/normalize.ts fold(): Unicode form, whitespace, typographic dashes and
 * quotes, and spacing around punctuation do not count as changes; case does).
 * `texts` are t.fixed's texts in FIXED_KEYS order (expected.ts).
 */
export function checkFixedCells(
  grid: CheckedGrid,
  t: TaskRowLayout,
  r: number,
  left: number,
  texts: readonly string[],
): void {
  const row = grid.values[r];
  for (let k = 0; k < FIXED_COLUMNS.length; k++) {
    const { key, offset, header } = FIXED_COLUMNS[k] as (typeof FIXED_COLUMNS)[number];
    const v = row?.[left + offset];
    const expected = texts[k] as string;
    // Most cells are untouched: compare as-is first, fold only when they differ.
    if (
      v !== expected &&
      (typeof v !== 'string' || !mayFoldTo(v, expected) || fold(v) !== fold(expected))
    ) {
      grid.add(
        'FIXED_CELL_CHANGED',
        r,
        left + offset,
        { taskId: t.taskId, column: header?.vi, columnEn: header?.en, expected },
        { field: key, taskId: t.taskId },
      );
    }
  }
}
