// The agency's task rows as the validator expects them, worked out once per
// plan and agency rather than once per sheet: the plan is immutable once
// loaded (plan/plan.ts), so the rows and their index never change.
import { buildLayout, type TaskRowLayout } from '../layout/sheet.ts';
import type { Plan } from '../plan/plan.ts';
import { FIXED_KEYS } from './fixed-cells.ts';

/** The agency's task rows in appendix order, and each task's position among them. */
export interface ExpectedTasks {
  tasks: readonly TaskRowLayout[];
  /** Task ID → position in `tasks`. */
  index: ReadonlyMap<string, number>;
  /** Each task's fixed texts in fixed-cells.ts FIXED_KEYS order, by position. */
  fixed: readonly (readonly string[])[];
}

const byPlan = new WeakMap<Plan, Map<string, ExpectedTasks>>();

/**
 * The task rows `agency` reports on in `plan` (layout/sheet.ts buildLayout;
 * the period only labels the title rows, so none is needed). `agency` must
 * be one of the plan's agencies. Cached per plan object and agency.
 */
export function expectedTasks(plan: Plan, agency: string): ExpectedTasks {
  let forPlan = byPlan.get(plan);
  if (!forPlan) {
    forPlan = new Map();
    byPlan.set(plan, forPlan);
  }
  let expected = forPlan.get(agency);
  if (!expected) {
    const { tasks } = buildLayout(plan, agency, {
      code: '',
      label: { vi: '' },
      cutoff: { from: '', to: '' },
      due: '',
    });
    expected = {
      tasks,
      index: new Map(tasks.map((t, i) => [t.taskId, i])),
      fixed: tasks.map((t) => FIXED_KEYS.map((key) => t.fixed[key])),
    };
    forPlan.set(agency, expected);
  }
  return expected;
}
