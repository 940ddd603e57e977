// A loaded plan: the validated definition plus the lookups every part of the
// system needs (agency by code, an agency's tasks, a task's agencies).
// load.ts checks a definition with the schema before building it here.
import { computeResponsibilities, type TaskResponsibility, type TaskRole } from './assignments.ts';
import type { Agency, PlanDefinition, Task } from './schema.ts';

export interface Assignment {
  task: Task;
  role: TaskRole;
}

export interface Plan {
  readonly def: PlanDefinition;
  readonly id: string;
  /** Agencies in registry order, with any renames applied. */
  readonly agencies: readonly Agency[];
  readonly tasks: readonly Task[];
  readonly coordinator: Agency;
  agency(code: string): Agency | undefined;
  task(id: string): Task | undefined;
  /** The agency's tasks with its role, in appendix order; [] for an unknown code. */
  tasksFor(agencyCode: string): readonly Assignment[];
  /** Who reports on a task: lead agencies first, then coordinating ones. */
  responsible(taskId: string): TaskResponsibility | undefined;
  /** Agencies that have at least one task: those expected to report. */
  reportingAgencies(): readonly Agency[];
}

export interface LoadOptions {
  /** The coordinator's renames (e.g. the villages' real names). */
  agencyNames?: Readonly<Record<string, { name?: string; shortName?: string }>>;
}

/**
 * The Plan for a definition already checked (PlanDefinitionSchema, through
 * loadPlan or a test of the bundled data): no schema pass here, so code that
 * only reads a plan (the task pane) carries no zod. `options.agencyNames`
 * renames agencies (trimmed; a blank name keeps the plan's).
 */
export function buildPlan(def: PlanDefinition, options: LoadOptions = {}): Plan {
  const renames = options.agencyNames ?? {};
  const agencies = def.agencies.map((a) => {
    const r = renames[a.code];
    if (!r) return a;
    const renamed: Agency = { ...a, name: r.name?.trim() || a.name };
    renamed.shortName = r.shortName?.trim() || (r.name ? renamed.name.slice(0, 40) : a.shortName);
    if (r.name) delete renamed.placeholder;
    return renamed;
  });
  const byCode = new Map(agencies.map((a) => [a.code, a]));
  const byTask = new Map(def.tasks.map((t) => [t.id, t]));
  const responsibilities = computeResponsibilities(def);

  const assignments = new Map<string, Assignment[]>();
  for (const task of def.tasks) {
    const r = responsibilities.get(task.id);
    if (!r) continue;
    for (const [role, codes] of [
      ['lead', r.lead],
      ['coordinating', r.coordinating],
    ] as const) {
      for (const code of codes) {
        const list = assignments.get(code) ?? [];
        list.push({ task, role });
        assignments.set(code, list);
      }
    }
  }

  const coordinator = agencies.find((a) => a.coordinator) as Agency; // the schema ensures one
  return {
    def,
    id: def.id,
    agencies,
    tasks: def.tasks,
    coordinator,
    agency: (code) => byCode.get(code),
    task: (id) => byTask.get(id),
    tasksFor: (code) => assignments.get(code) ?? [],
    responsible: (id) => responsibilities.get(id),
    reportingAgencies: () => agencies.filter((a) => assignments.has(a.code)),
  };
}
