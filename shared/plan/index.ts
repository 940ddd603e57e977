export type { TaskResponsibility, TaskRole } from './assignments.ts';
export { computeResponsibilities, expandRefs } from './assignments.ts';
export { loadPlan, PlanLoadError } from './load.ts';
export { lySon58, planData } from './ly-son-58.ts';
export type { Assignment, LoadOptions, Plan } from './plan.ts';
export { buildPlan } from './plan.ts';
export * from './schema.ts';
