// Which period the page preselects, and the periods by year. Pure.
export interface PeriodLike {
  code: string;
  year: number;
  kind: string;
  due: string;
  daysLeft: number;
  graceDays: number;
  own?: { reopened: boolean } | null;
}

/**
 * The kinds the district reports by default ("hàng quý, 06 tháng, cuối năm"):
 * shared/periods' DEFAULT_SCHEDULE, copied because importing it would bundle
 * zod into the page (tests/node/web-periods.test.ts keeps the two equal).
 */
export const SCHEDULE: readonly string[] = ['Q1', 'H1', 'Q3', 'Y'];

/**
 * The open period, as the Worker defines it: the first scheduled period (by
 * due date) whose deadline (due + grace) is today or later; else one
 * reopened for this agency; else the latest scheduled one already due.
 */
export function pickOpenPeriod<P extends PeriodLike>(
  periods: readonly P[],
  schedule: readonly string[] = SCHEDULE,
): P | undefined {
  const byDue = [...periods].sort(
    (a, b) => a.due.localeCompare(b.due) || a.code.localeCompare(b.code),
  );
  const scheduled = byDue.filter((p) => schedule.includes(p.kind));
  return (
    scheduled.find((p) => p.daysLeft + p.graceDays >= 0) ??
    byDue.find((p) => p.own?.reopened) ??
    scheduled.filter((p) => p.daysLeft < 0).at(-1) ??
    byDue.find((p) => p.daysLeft + p.graceDays >= 0) ??
    byDue.at(-1)
  );
}

/** Periods grouped by year (years ascending), each year's by due date. */
export function byYear<P extends PeriodLike>(periods: readonly P[]): [number, P[]][] {
  const map = new Map<number, P[]>();
  for (const p of periods) map.set(p.year, [...(map.get(p.year) ?? []), p]);
  return [...map.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([y, list]) => [
      y,
      list.sort((a, b) => a.due.localeCompare(b.due) || a.code.localeCompare(b.code)),
    ]);
}
