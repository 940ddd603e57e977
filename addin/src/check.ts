// "Kiểm tra" without Office: the snapshot Excel gave, checked by shared/
// validate() against the connected agency and chosen period, and the cells
// to highlight. host.checkActiveSheet calls this between its two syncs.
import type { Plan } from '../../shared/plan/plan.ts';
import {
  type PreviousReport,
  type ValidationResult,
  validate,
} from '../../shared/validate/index.ts';
import type { Snapshot } from './office/host.ts';
import { sha256Hex } from './sha256.ts';
import { type Highlight, highlightsFor } from './sheet/highlights.ts';

export interface CheckOutcome {
  sheet: string;
  validation: ValidationResult;
}

/**
 * The check of a snapshot for `agency`'s report for `period`; with
 * `previous` (its last accepted earlier report, GET …/carry-forward) a task
 * that went backwards is a REGRESSION warning.
 */
export function analyse(
  plan: Plan,
  agency: string,
  period: string,
  previous?: PreviousReport,
): (snapshot: Snapshot) => { result: CheckOutcome; highlights: Highlight[] } {
  return (snapshot) => {
    const validation = validate(
      {
        values: snapshot.values,
        formulas: snapshot.formulas,
        numberFormats: snapshot.numberFormats,
        texts: snapshot.texts,
        origin: snapshot.origin,
      },
      previous ? { plan, agency, period, previous } : { plan, agency, period },
    );
    return {
      result: { sheet: snapshot.sheet, validation },
      highlights: highlightsFor(validation.findings),
    };
  };
}

/**
 * The Idempotency-Key of a report: "addin-" and the first 48 hex digits of
 * the SHA-256 of its JSON (UTF-8), so the same content always sends the same
 * key. Hashed by the webview's crypto.subtle, or by @noble/hashes in the
 * ES5 build (sha256.ts says why).
 */
export async function idempotencyKey(submission: unknown): Promise<string> {
  const hex = await sha256Hex(JSON.stringify(submission));
  return `addin-${hex.slice(0, 48)}`;
}
