// Where the coordinator's notes on a returned version go on the agency's
// progress sheet: a note on a field marks that cell, a note on a task as a
// whole marks the row's fillable cells. The Office module marks them with
// conditional formats (host.markNotes), so the clerk's own formatting stays.
import { address, rangeAddress } from '../../../shared/layout/a1.ts';
import { COLUMN_INDEX, COLUMNS, type FillKey } from '../../../shared/layout/columns.ts';
import type { SheetLayout } from '../../../shared/layout/sheet.ts';

/** The fill of a cell a note is about: Fluent's light blue, apart from the check's red and amber. */
export const NOTE_FILL = '#DEECF9';

/** A coordinator's note as GET …/submissions/{agency} gives it (versions[i].notes). */
export interface ReviewNoteLike {
  taskId: string;
  field: string | null;
  text: string;
}

/** A note placed on the sheet: the cell to select and the range to mark. */
export interface PlacedNote extends ReviewNoteLike {
  /** The task's row number in the appendix ("TT"), as the sheet shows it. */
  tt: string;
  /** The cell a click selects: the field's cell, or the row's first fillable cell. */
  cell: string;
  /** The range marked: the field's cell, or the row's fillable cells. */
  range: string;
}

const FIRST_FILL = COLUMNS.findIndex((c) => !c.fixed) + 1;

/**
 * `notes` placed on `layout`'s sheet, in the order given. A note on a task
 * the layout does not have (the plan changed since) is left out: it has no
 * cell, and the pane still lists the returned comment.
 */
export function placeNotes(layout: SheetLayout, notes: readonly ReviewNoteLike[]): PlacedNote[] {
  const rows = new Map(layout.tasks.map((t) => [t.taskId, t]));
  const out: PlacedNote[] = [];
  for (const n of notes) {
    const task = rows.get(n.taskId);
    if (!task) continue;
    const col =
      n.field && n.field in COLUMN_INDEX ? COLUMN_INDEX[n.field as FillKey] + 1 : undefined;
    const cell = address(task.row, col ?? FIRST_FILL);
    const range = col ? cell : rangeAddress(task.row, FIRST_FILL, task.row, layout.columnCount);
    out.push({ ...n, tt: task.fixed.tt, cell, range });
  }
  return out;
}

/** The ranges to mark for `placed`, each once, in sheet order. */
export function noteRanges(placed: readonly PlacedNote[]): string[] {
  return [...new Set(placed.map((p) => p.range))].sort((a, b) =>
    a.localeCompare(b, 'en', { numeric: true }),
  );
}
