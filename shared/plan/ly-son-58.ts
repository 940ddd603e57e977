// The appendix of Plan 58/KH-UBND (Lý Sơn), as data. The JSON is the plan;
// this module only loads it once through the schema.
import data from './data/ly-son-58.json' with { type: 'json' };
import { loadPlan } from './plan.ts';

export const planData: unknown = data;
export const lySon58 = loadPlan(data);
