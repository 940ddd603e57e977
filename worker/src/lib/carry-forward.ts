// What an agency starts a period's sheet from: status, percent and completed
// products of its last accepted report of an earlier period (results,
// difficulties and proposals are the new period's to write). The same rows
// are the validator's `previous`, for its REGRESSION warnings.
import type { Plan } from '../../../shared/plan/plan.ts';
import type { Submission, SubmissionRow } from '../../../shared/submission/schema.ts';
import type { PreviousReport } from '../../../shared/validate/index.ts';
import { lastAcceptedBefore } from '../db/carry-forward.ts';

export interface CarryForward {
  /** The report carried forward; null when the agency has no accepted earlier report. */
  from: { period: string; version: number } | null;
  /** One per task of the agency (appendix order) that the earlier report has. */
  rows: Pick<SubmissionRow, 'taskId' | 'status' | 'percent' | 'completedProducts'>[];
}

/** The agency's carry-forward for `period` under `plan` (tasks no longer assigned are left out). */
export async function carryForward(
  db: D1Database,
  plan: Plan,
  agency: string,
  period: string,
): Promise<CarryForward> {
  const row = await lastAcceptedBefore(db, agency, period);
  if (!row) return { from: null, rows: [] };
  const earlier = new Map(
    (JSON.parse(row.payload) as Submission).rows.map((r) => [r.taskId, r] as const),
  );
  const rows: CarryForward['rows'] = [];
  for (const { task } of plan.tasksFor(agency)) {
    const r = earlier.get(task.id);
    if (r) {
      rows.push({
        taskId: r.taskId,
        status: r.status,
        percent: r.percent,
        completedProducts: r.completedProducts,
      });
    }
  }
  return { from: { period: row.period_code, version: row.version }, rows };
}

/**
 * The validator's `previous` for an agency's report for `period`: its last
 * accepted earlier report, or undefined when there is none (no REGRESSION
 * check then).
 */
export async function previousReport(
  db: D1Database,
  plan: Plan,
  agency: string,
  period: string,
): Promise<PreviousReport | undefined> {
  const { from, rows } = await carryForward(db, plan, agency, period);
  return from ? { period: from.period, rows } : undefined;
}
