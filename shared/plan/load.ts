// Loading a plan definition from outside the code (JSON, a request): checked
// against the schema, which also trims its text, then built (plan.ts).
import { buildPlan, type LoadOptions, type Plan } from './plan.ts';
import { PlanDefinitionSchema } from './schema.ts';

/** What loadPlan throws: each problem's path in the definition and its message. */
export class PlanLoadError extends Error {
  readonly issues: readonly { path: string; message: string }[];
  constructor(issues: { path: string; message: string }[]) {
    super(
      `Kế hoạch không hợp lệ / Invalid plan definition:\n${issues
        .map((i) => `  ${i.path || '(root)'}: ${i.message}`)
        .join('\n')}`,
    );
    this.name = 'PlanLoadError';
    this.issues = issues;
  }
}

/**
 * The Plan for a definition of unknown shape: PlanDefinitionSchema checks it
 * (cross-references included) and trims its text, then buildPlan applies
 * `options`. Throws PlanLoadError listing every problem.
 */
export function loadPlan(input: unknown, options: LoadOptions = {}): Plan {
  const parsed = PlanDefinitionSchema.safeParse(input);
  if (!parsed.success) {
    throw new PlanLoadError(
      parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    );
  }
  return buildPlan(parsed.data, options);
}
