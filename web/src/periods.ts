// Which period the page preselects (shared with the task pane), and the periods by year. Pure.
export { type PeriodLike, pickOpenPeriod, SCHEDULE } from '../../shared/periods/pick-open.ts';

import type { PeriodLike } from '../../shared/periods/pick-open.ts';

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
