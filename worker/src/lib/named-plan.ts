// The plan with the agency names the coordinator set in D1 (PATCH
// /api/agencies/{code}), as /api/plan gives them to the add-in: what every
// document and message that names an agency uses.
import { loadPlan, planData } from '../../../shared/plan/index.ts';
import type { Plan } from '../../../shared/plan/plan.ts';
import { listAgencies } from '../db/agencies.ts';

/** The served plan, each agency named as D1 holds it (one read of `agencies`). */
export async function namedPlan(db: D1Database): Promise<Plan> {
  const agencies = await listAgencies(db);
  return loadPlan(planData, {
    agencyNames: Object.fromEntries(
      agencies.map((a) => [a.code, { name: a.name, shortName: a.short_name }]),
    ),
  });
}
