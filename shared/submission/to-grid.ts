// A Submission drawn back onto its sheet: the grid the add-in would read.
// The Worker re-validates a received Submission through this and the same
// validate(), so its findings name the same cells the agency sees in Excel.
import { STATUSES } from '../layout/columns.ts';
import { buildLayout, layoutToGrid, type PeriodInfo } from '../layout/sheet.ts';
import type { Plan } from '../plan/plan.ts';
import type { Submission } from './schema.ts';

const STATUS_LABEL = new Map<string, string>(STATUSES.map((s) => [s.code, s.vi]));

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
    grid.push([
      fixed.tt,
      fixed.content,
      fixed.role,
      fixed.product,
      fixed.timeline,
      STATUS_LABEL.get(row.status) ?? row.status,
      row.percent ?? '',
      row.result,
      row.completedProducts,
      row.difficulties,
      row.proposals,
    ]);
  }
  return grid;
}
