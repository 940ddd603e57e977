// "Kiểm tra" without Office: the snapshot Excel gave, checked by shared/
// validate() against the connected agency and chosen period, and the cells
// to highlight. host.checkActiveSheet calls this between its two syncs.
import type { Plan } from '../../shared/plan/plan.ts';
import { type ValidationResult, validate } from '../../shared/validate/index.ts';
import type { Snapshot } from './office/host.ts';
import { type Highlight, highlightsFor } from './sheet/highlights.ts';

export interface CheckOutcome {
  sheet: string;
  validation: ValidationResult;
}

export function analyse(
  plan: Plan,
  agency: string,
  period: string,
): (snapshot: Snapshot) => { result: CheckOutcome; highlights: Highlight[] } {
  return (snapshot) => {
    const validation = validate(
      {
        values: snapshot.values,
        formulas: snapshot.formulas,
        numberFormats: snapshot.numberFormats,
        origin: snapshot.origin,
      },
      { plan, agency, period },
    );
    return {
      result: { sheet: snapshot.sheet, validation },
      highlights: highlightsFor(validation.findings),
    };
  };
}

/** The Idempotency-Key of a report: the same content always sends the same key. */
export async function idempotencyKey(submission: unknown): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify(submission));
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  const hex = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `addin-${hex.slice(0, 48)}`;
}
