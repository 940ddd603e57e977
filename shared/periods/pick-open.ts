// The open period as the browser sees it: from the period list the Worker
// returns (due dates as the coordinator set them, days left as of the
// Worker's today), the same choice as openPeriod() in open.ts. No imports, so
// the task pane and the web page bundle it without zod.
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
 * DEFAULT_SCHEDULE of kinds.ts, repeated here so that this file imports
 * nothing (tests/node/client-periods.test.ts keeps the two equal).
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
