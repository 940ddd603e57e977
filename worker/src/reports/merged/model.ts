// What every sheet reads from the input: an agency's current name, and for
// each task the agencies responsible for it (lead first, then coordinating,
// in the plan's order) with the row each reported, if any.
import type { SubmissionRow } from '../../../../shared/submission/schema.ts';
import type { TaskRole } from '../../../../shared/vocabulary/index.ts';
import type { MergedInput } from './input.ts';

export interface Responsible {
  code: string;
  name: string;
  role: TaskRole;
  /** The agency's row for the task; undefined when it has not reported. */
  row: SubmissionRow | undefined;
}

/**
 * `name(code)`: an agency's name as D1 has it, else the plan's, else the
 * code. `responsibleFor(taskId)`: the task's lead agencies then its
 * coordinating ones, each with the row of its chosen report for the task.
 */
export function mergedModel(input: MergedInput) {
  const { plan } = input;
  const name = (code: string) => input.agencyNames?.[code] ?? plan.agency(code)?.name ?? code;
  const rowsOf = new Map<string, Map<string, SubmissionRow>>();
  for (const r of input.reports) {
    rowsOf.set(r.agencyCode, new Map(r.rows.map((row) => [row.taskId, row])));
  }
  const responsibleFor = (taskId: string): Responsible[] => {
    const resp = plan.responsible(taskId);
    if (!resp) return [];
    return [
      ...resp.lead.map((code) => ({ code, role: 'lead' as const })),
      ...resp.coordinating.map((code) => ({ code, role: 'coordinating' as const })),
    ].map(({ code, role }) => ({
      code,
      role,
      name: name(code),
      row: rowsOf.get(code)?.get(taskId),
    }));
  };
  return { name, responsibleFor };
}

export type MergedModel = ReturnType<typeof mergedModel>;
