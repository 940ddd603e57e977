// A Submission drawn back onto its sheet: the grid the add-in would read.
// The Worker re-validates a received Submission through this and the same
// validate(), so its findings name the same cells the agency sees in Excel.
import { type FillKey, STATUSES } from '../layout/columns.ts';
import { buildLayout, layoutToGrid, type PeriodInfo } from '../layout/sheet.ts';
import type { Plan } from '../plan/plan.ts';
import type { Submission, SubmissionRow } from './schema.ts';

const STATUS_LABEL = new Map<string, string>(STATUSES.map((s) => [s.code, s.vi]));

const TEXT_KEYS = ['result', 'completedProducts', 'difficulties', 'proposals'] as const;

/** A row's fillable cells as the sheet shows them (shared/layout COLUMNS keys). */
export type FillCells = Partial<Record<FillKey, string | number>>;

/**
 * The fillable cells of a Submission row as the sheet shows them: the
 * status by its Vietnamese label, the percent as a number ('' when null),
 * the texts as they are. Only the fields given are drawn.
 */
export function rowCells(row: Partial<Omit<SubmissionRow, 'taskId' | 'role'>>): FillCells {
  const cells: FillCells = {};
  if (row.status !== undefined) cells.status = STATUS_LABEL.get(row.status) ?? row.status;
  if (row.percent !== undefined) cells.percent = row.percent ?? '';
  for (const key of TEXT_KEYS) {
    const v = row[key];
    if (v !== undefined) cells[key] = v;
  }
  return cells;
}

/** Values for layoutToGrid's `fill`: each task's cells from the Submission's row for it. */
export function submissionFill(submission: Pick<Submission, 'rows'>) {
  const byTask = new Map(submission.rows.map((r) => [r.taskId, r]));
  return (task: { taskId: string }): FillCells => {
    const row = byTask.get(task.taskId);
    return row ? rowCells(row) : {};
  };
}

export function submissionToGrid(
  plan: Plan,
  submission: Submission,
  period?: PeriodInfo,
): (string | number | boolean)[][] {
  const layout = buildLayout(
    plan,
    submission.agencyCode,
    period ?? {
      code: submission.periodCode,
      label: { vi: '' },
      cutoff: { from: '', to: '' },
      due: '',
    },
  );
  // Draw the submission's own identity so a mismatch is reported, not hidden.
  const meta = layout.metadataText
    .replace(/plan=[^;]*/, `plan=${submission.planId}`)
    .replace(/period=[^;]*/, `period=${submission.periodCode}`)
    .replace(/layout=\S*/, `layout=${submission.layoutVersion}`);
  const byTask = new Map(layout.tasks.map((t) => [t.taskId, t]));
  const grid = layoutToGrid({ ...layout, metadataText: meta, tasks: [] });
  // Rows go in the submission's order, so a missing, extra or reordered task
  // is reported as the sheet would report it.
  for (const row of submission.rows) {
    const t = byTask.get(row.taskId);
    const fixed = t?.fixed ?? { tt: row.taskId, content: '', role: '', product: '', timeline: '' };
    const cells = rowCells(row);
    grid.push([
      fixed.tt,
      fixed.content,
      fixed.role,
      fixed.product,
      fixed.timeline,
      cells.status ?? '',
      cells.percent ?? '',
      cells.result ?? '',
      cells.completedProducts ?? '',
      cells.difficulties ?? '',
      cells.proposals ?? '',
    ]);
  }
  return grid;
}
