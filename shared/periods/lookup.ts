// Periods under the caller's options: the options are checked and completed
// by resolveRules (schema.ts) first, so a misspelt setting is an error.
import { PERIOD_KIND_CODES } from './kinds.ts';
import { type Period, periodIn, periodsUnder } from './period.ts';
import type { PeriodOptions } from './rules.ts';
import { resolveRules } from './schema.ts';

/**
 * The period for a code. Throws InvalidPeriodCodeError (bilingual message)
 * for a bad code, PeriodRulesError for bad options; parsePeriodCode is the
 * no-throw way to check a code.
 */
export function getPeriod(code: string, options?: PeriodOptions): Period {
  return periodIn(code, resolveRules(options));
}

/** Every period of every kind in the year range, by due date then code. */
export function listPeriods(options?: PeriodOptions): Period[] {
  return periodsUnder(resolveRules(options), PERIOD_KIND_CODES);
}
