// A submission's rows say the agency's role on each task (chủ trì / phối
// hợp); the plan decides it. A row that says otherwise is refused, not
// silently corrected: the sender's copy of the plan is wrong or stale.
import type { Plan } from '../../../shared/plan/index.ts';
import type { SubmissionRow } from '../../../shared/submission/schema.ts';
import type { Bilingual } from '../../../shared/text/bilingual.ts';
import { TASK_ROLE_LABELS } from '../../../shared/vocabulary/index.ts';
import { ApiError } from '../errors.ts';

const lower = (b: Bilingual): Bilingual => ({ vi: b.vi.toLowerCase(), en: b.en.toLowerCase() });

/**
 * Throws INVALID_REQUEST (400) naming each row (`rows.<i>.role`) whose role
 * is not the one `plan` gives agency `agency` on that task. Rows of tasks
 * that are not the agency's are left to the validator (it names their cells).
 */
export function checkTaskRoles(plan: Plan, agency: string, rows: readonly SubmissionRow[]): void {
  const roles = new Map(plan.tasksFor(agency).map((a) => [a.task.id, a.role]));
  const wrong = rows.flatMap((row, i) => {
    const role = roles.get(row.taskId);
    return role && role !== row.role ? [{ i, taskId: row.taskId, role, sent: row.role }] : [];
  });
  const [first] = wrong;
  if (!first) return;
  const is = lower(TASK_ROLE_LABELS[first.role]);
  const sent = lower(TASK_ROLE_LABELS[first.sent]);
  throw new ApiError(
    'INVALID_REQUEST',
    {
      vi: `rows.${first.i}.role: theo kế hoạch, ${agency} là cơ quan ${is.vi} nhiệm vụ ${first.taskId}, không phải ${sent.vi}.`,
      en: `rows.${first.i}.role: in the plan, ${agency} is the ${is.en} agency of task ${first.taskId}, not ${sent.en}.`,
    },
    {
      issues: wrong.map((w) => ({
        field: `rows.${w.i}.role`,
        message: `must be ${w.role} (the plan's role of ${agency} on task ${w.taskId})`,
      })),
    },
  );
}
