// The settings behind periods: year range, due-date rule, grace, schedule
// and per-period overrides. Due dates are set by whoever issues the reporting
// regime and Quảng Ngãi's decision was not found (DOMAIN.md), so every number
// here is a default the coordinator can change, not a fact.
// Checked by PeriodRulesSchema (schema.ts, resolveRules).
import type { IsoDate } from './dates.ts';
import {
  DEFAULT_FIRST_YEAR,
  DEFAULT_LAST_YEAR,
  DEFAULT_SCHEDULE,
  type PeriodKind,
} from './kinds.ts';

/**
 * How the default due date follows the cut-off end. Working days are Mon–Fri
 * (public holidays unknown, see isWorkingDay); calendar days fit regimes such
 * as "by the 18th of the period's last month" (cut-off 14th + 4).
 */
export type DueRule = { workingDaysAfterCutoff: number } | { calendarDaysAfterCutoff: number };

/** One period's settings where they differ from the rules (keyed by code, e.g. "2026-Q1"). */
export interface PeriodOverride {
  /** Cut-off window when this period follows another calendar than Decree 09. */
  cutoff?: { from: IsoDate; to: IsoDate };
  due?: IsoDate;
  graceDays?: number;
}

export interface PeriodRules {
  /** First and last year with periods, inclusive. */
  firstYear: number;
  lastYear: number;
  /** Default due date of every period. */
  due: DueRule;
  /** Default grace after the due date, in calendar days. */
  graceDays: number;
  /** Kinds that make up the reporting schedule (see DEFAULT_SCHEDULE). */
  schedule: readonly PeriodKind[];
  overrides: Readonly<Record<string, PeriodOverride>>;
}

/** What callers pass: any subset of the rules; the rest are DEFAULT_RULES. */
export type PeriodOptions = Partial<PeriodRules>;

// Khánh Hòa asks districts for reports two working days after the cut-off
// (DOMAIN.md); with nothing known for Quảng Ngãi, that is the default.
export const DEFAULT_RULES: PeriodRules = Object.freeze({
  firstYear: DEFAULT_FIRST_YEAR,
  lastYear: DEFAULT_LAST_YEAR,
  due: Object.freeze({ workingDaysAfterCutoff: 2 }),
  graceDays: 3,
  schedule: DEFAULT_SCHEDULE,
  overrides: Object.freeze({}),
});

/** What resolveRules throws: each bad setting's path and bilingual message. */
export class PeriodRulesError extends Error {
  readonly issues: readonly { path: string; message: string }[];
  constructor(issues: { path: string; message: string }[]) {
    super(
      `Cài đặt kỳ báo cáo không hợp lệ / Invalid report period settings:\n${issues
        .map((i) => `  ${i.path || '(root)'}: ${i.message}`)
        .join('\n')}`,
    );
    this.name = 'PeriodRulesError';
    this.issues = issues;
  }
}
