// A report period: code, labels, cut-off window, due date and grace, built
// from the kinds table and the rules.
// Plain functions only: PeriodSchema (schema.ts) checks a Period, and
// getPeriod/listPeriods (lookup.ts) check the caller's options with zod.
import { formatPeriodCode, InvalidPeriodCodeError, parsePeriodCode } from './code.ts';
import { addDays, addWorkingDays, assertIsoDate, daysBetween, type IsoDate } from './dates.ts';
import { decreeCutoff, PERIOD_KINDS, type PeriodKind } from './kinds.ts';
import { DEFAULT_RULES, type DueRule, type PeriodRules } from './rules.ts';

/** One report period (its shape is checked by PeriodSchema, schema.ts). */
export interface Period {
  /** The canonical code, e.g. 2026-Q1. */
  code: string;
  year: number;
  kind: PeriodKind;
  label: { vi: string; en: string };
  /** Data cut-off window (thời gian chốt số liệu), both ends inclusive. */
  cutoff: { from: IsoDate; to: IsoDate };
  due: IsoDate;
  /** Calendar days after `due` during which a report is late but still accepted. */
  graceDays: number;
}

function dueAfter(cutoffEnd: IsoDate, rule: DueRule): IsoDate {
  return 'workingDaysAfterCutoff' in rule
    ? addWorkingDays(cutoffEnd, rule.workingDaysAfterCutoff)
    : addDays(cutoffEnd, rule.calendarDaysAfterCutoff);
}

/** One period under rules already resolved (see resolveRules). */
export function buildPeriod(year: number, kind: PeriodKind, rules: PeriodRules): Period {
  const code = formatPeriodCode(year, kind);
  const override = rules.overrides[code];
  const cutoff = override?.cutoff ?? decreeCutoff(year, kind);
  const { vi, en } = PERIOD_KINDS[kind].label;
  return {
    code,
    year,
    kind,
    label: { vi: vi.replace('{year}', String(year)), en: en.replace('{year}', String(year)) },
    cutoff: { from: cutoff.from, to: cutoff.to },
    due: override?.due ?? dueAfter(cutoff.to, rules.due),
    graceDays: override?.graceDays ?? rules.graceDays,
  };
}

/**
 * The period for a code under rules already resolved (DEFAULT_RULES when
 * none are given). Throws InvalidPeriodCodeError (bilingual message) for a
 * bad code or one outside the rules' years.
 */
export function periodIn(code: string, rules: PeriodRules = DEFAULT_RULES): Period {
  const parsed = parsePeriodCode(code, rules);
  if (!parsed.ok) throw new InvalidPeriodCodeError(parsed.error);
  return buildPeriod(parsed.value.year, parsed.value.kind, rules);
}

const byDueThenCode = (a: Period, b: Period) =>
  a.due < b.due ? -1 : a.due > b.due ? 1 : a.code < b.code ? -1 : a.code > b.code ? 1 : 0;

/** Every period of the given kinds in the year range, by due date then code. */
export function periodsUnder(rules: PeriodRules, kinds: readonly PeriodKind[]): Period[] {
  const out: Period[] = [];
  for (let y = rules.firstYear; y <= rules.lastYear; y++) {
    for (const kind of kinds) out.push(buildPeriod(y, kind, rules));
  }
  // Plain comparison, not localeCompare: codes and dates are ASCII and the
  // order must not depend on the runtime's locale data.
  return out.sort(byDueThenCode);
}

/** The last day a report still counts: due date plus grace. */
export function deadline(period: Period): IsoDate {
  return addDays(period.due, period.graceDays);
}

/**
 * Days from `today` to the due date: 0 on the due date, negative once it has
 * passed (the report is late, in grace or overdue). The countdown is to the
 * due date, not the deadline, so grace stays a concession rather than the
 * date agencies aim for; `daysBetween(today, deadline(p))` gives the other.
 */
export function daysLeft(period: Period, today: IsoDate): number {
  return daysBetween(today, period.due);
}

/**
 * - `not-yet-due`: up to the cut-off end: the period's data is still being collected;
 * - `due`: after the cut-off end, up to and including the due date;
 * - `in-grace`: after the due date, up to and including the deadline;
 * - `overdue`: after the deadline.
 */
export type PeriodStatus = 'not-yet-due' | 'due' | 'in-grace' | 'overdue';

export function statusOn(period: Period, today: IsoDate): PeriodStatus {
  assertIsoDate(today);
  if (today > deadline(period)) return 'overdue';
  if (today > period.due) return 'in-grace';
  // The due date itself is always `due`, even when an override puts it on the cut-off end.
  if (today > period.cutoff.to || today === period.due) return 'due';
  return 'not-yet-due';
}

/**
 * A period as people say it, the code second: `{ vi: 'Quý I năm 2026
 * (2026-Q1)', en: 'Q1 2026 (2026-Q1)' }`, for messages and title blocks.
 * A code that is not a period (or out of the year range) is given as it is.
 */
export function periodName(code: string): { vi: string; en: string } {
  try {
    const p = periodIn(code);
    return { vi: `${p.label.vi} (${p.code})`, en: `${p.label.en} (${p.code})` };
  } catch {
    return { vi: code, en: code };
  }
}
