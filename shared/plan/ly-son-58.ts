// The appendix of Plan 58/KH-UBND (Lý Sơn), as data. The JSON is the plan;
// this module only builds it once. The data is not schema-checked at run
// time: tests/shared/plan-seed.test.ts checks that PlanDefinitionSchema
// accepts it and would change nothing in it (text already trimmed, no
// unknown keys), so every runtime gets the same plan without carrying zod.
import data from './data/ly-son-58.json' with { type: 'json' };
import { buildPlan } from './plan.ts';
import type { PlanDefinition } from './schema.ts';

export const planData: unknown = data;
// JSON imports type literals as string/number (schemaVersion: number, not 1).
export const lySon58 = buildPlan(data as PlanDefinition);
