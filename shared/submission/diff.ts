// What changed between two versions of an agency's report, cell by cell: the
// coordinator compares a corrected report with the one returned, or with the
// agency's previous period. Pure, so the Worker, the web page and the task
// pane compute it the same way.
import { FILL_KEYS, type FillKey } from '../layout/columns.ts';
import type { Submission, SubmissionRow } from './schema.ts';

/** One cell that differs: a task's field, before and after (null: no row for the task on that side). */
export interface SubmissionChange {
  taskId: string;
  field: FillKey;
  before: SubmissionRow[FillKey] | null;
  after: SubmissionRow[FillKey] | null;
}

/**
 * The changes from `before` to `after` (either may be null: no report), tasks
 * in `taskOrder` (the plan's appendix order; tasks it does not list come last,
 * by id) and, within a task, fields in column order (FILL_KEYS: status,
 * percent, result, completedProducts, difficulties, proposals). A task on one
 * side only reads null in every field on the other side, so each of its
 * non-null fields is a change. Equal values (===) are not changes; texts are
 * compared as stored (NFC, trimmed by the validator).
 */
export function diffSubmissions(
  before: Pick<Submission, 'rows'> | null,
  after: Pick<Submission, 'rows'> | null,
  taskOrder: readonly string[],
): SubmissionChange[] {
  const left = new Map((before?.rows ?? []).map((r) => [r.taskId, r]));
  const right = new Map((after?.rows ?? []).map((r) => [r.taskId, r]));
  const rank = new Map(taskOrder.map((id, i) => [id, i]));
  const ids = [...new Set([...left.keys(), ...right.keys()])].sort((a, b) => {
    const ra = rank.get(a) ?? Number.POSITIVE_INFINITY;
    const rb = rank.get(b) ?? Number.POSITIVE_INFINITY;
    if (ra !== rb) return ra < rb ? -1 : 1;
    return a < b ? -1 : a > b ? 1 : 0;
  });
  const changes: SubmissionChange[] = [];
  for (const taskId of ids) {
    const l = left.get(taskId);
    const r = right.get(taskId);
    for (const field of FILL_KEYS) {
      const b = l ? l[field] : null;
      const a = r ? r[field] : null;
      if (a !== b) changes.push({ taskId, field, before: b, after: a });
    }
  }
  return changes;
}
