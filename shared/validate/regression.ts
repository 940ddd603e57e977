// Backward steps against the agency's previous accepted report (issue 13):
// a task that was done and is no longer, one in progress that is now not
// started, or a percent lower than before. Warnings only: a task can truly
// go back (work redone, a figure corrected), but the clerk should look.
import { periodName } from '../periods/period.ts';
import type { SubmissionRow } from '../submission/schema.ts';
import { TASK_STATUSES } from '../vocabulary/index.ts';
import type { CheckedGrid, ColumnPositions } from './grid.ts';

/** The agency's last accepted report of an earlier period, as GET …/carry-forward gives it. */
export interface PreviousReport {
  /** Its period code, e.g. "2026-Q1". */
  period: string;
  rows: readonly { taskId: string; status: string; percent: number | null }[];
}

const label = (code: string) =>
  TASK_STATUSES.find((s) => s.code === code) ?? { vi: code, en: code };

/** True when going from status `before` to `now` is a step back (done → other; in progress → not started). */
export function statusWentBack(before: string, now: string): boolean {
  return (
    (before === 'done' && now !== 'done') || (before === 'in-progress' && now === 'not-started')
  );
}

/**
 * Reports REGRESSION on row `r`'s status cell when its status went back
 * from `previous`, else on its percent cell when the percent is lower.
 * A task the previous report does not have is not compared.
 */
export function checkRegression(
  grid: CheckedGrid,
  row: SubmissionRow,
  r: number,
  columns: ColumnPositions,
  previous: { period: string; byTask: ReadonlyMap<string, PreviousReport['rows'][number]> },
): void {
  const before = previous.byTask.get(row.taskId);
  if (!before) return;
  const name = periodName(previous.period);
  const extra = { taskId: row.taskId };
  if (statusWentBack(before.status, row.status)) {
    const was = label(before.status);
    const now = label(row.status);
    grid.add(
      'REGRESSION',
      r,
      columns.status,
      {
        field: 'status',
        period: name.vi,
        periodEn: name.en,
        before: was.vi,
        beforeEn: was.en,
        found: now.vi,
        foundEn: now.en,
      },
      { field: 'status', ...extra },
    );
  } else if (before.percent !== null && row.percent !== null && row.percent < before.percent) {
    grid.add(
      'REGRESSION',
      r,
      columns.percent,
      {
        field: 'percent',
        period: name.vi,
        periodEn: name.en,
        before: before.percent,
        found: row.percent,
      },
      { field: 'percent', ...extra },
    );
  }
}

/** `previous` indexed by task, once per validation. */
export function indexPrevious(previous: PreviousReport) {
  return { period: previous.period, byTask: new Map(previous.rows.map((r) => [r.taskId, r])) };
}
