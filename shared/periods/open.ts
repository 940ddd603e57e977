// Which period an agency is reporting on a given day.
import { assertIsoDate, type IsoDate } from './dates.ts';
import { PERIOD_KIND_CODES } from './kinds.ts';
import { deadline, type Period, periodsUnder } from './period.ts';
import type { PeriodOptions } from './rules.ts';
import { resolveRules } from './schema.ts';

/**
 * The periods of the reporting schedule (default Q1, H1, Q3, Y: the plan's
 * "hàng quý, 06 tháng, cuối năm", see DEFAULT_SCHEDULE; `schedule` in the
 * options changes it), by deadline, then due date, then code.
 */
export function scheduledPeriods(options?: PeriodOptions): Period[] {
  const rules = resolveRules(options);
  const withDeadline = periodsUnder(rules, rules.schedule).map((p) => ({ p, end: deadline(p) }));
  // Array.prototype.sort is stable, so ties keep the due-then-code order.
  withDeadline.sort((a, b) => (a.end < b.end ? -1 : a.end > b.end ? 1 : 0));
  return withDeadline.map((x) => x.p);
}

/**
 * The period open on a date: the first scheduled period, by deadline (due +
 * grace), whose deadline is that day or later. So a period stays open through
 * its last day of grace, and the next one opens the day after, even though its
 * own cut-off window began earlier (H1's window starts on 15/12, with Q1's).
 * Before the first year this is the first period; undefined once the last
 * period's deadline has passed.
 */
export function openPeriod(today: IsoDate, options?: PeriodOptions): Period | undefined {
  assertIsoDate(today);
  for (const p of scheduledPeriods(options)) if (deadline(p) >= today) return p;
  return undefined;
}

/** Periods of every kind, scheduled or not, whose cut-off window contains the date. */
export function periodsCovering(date: IsoDate, options?: PeriodOptions): Period[] {
  assertIsoDate(date);
  return periodsUnder(resolveRules(options), PERIOD_KIND_CODES).filter(
    (p) => p.cutoff.from <= date && date <= p.cutoff.to,
  );
}
