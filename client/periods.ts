// The period lists both apps show: the open one preselected by the Worker's
// rule (shared/periods/pick-open.ts), the periods grouped by year.
import { type PeriodLike, SCHEDULE } from '../shared/periods/pick-open.ts';

/** Periods grouped by year (years ascending), each year's by due date, then code. */
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

/** What an agency's own report says of a period, as far as listing it goes. */
type OwnReport = { submitted: boolean; reopened: boolean } | null;

/**
 * The periods the task pane's list offers, by year: the district's schedule
 * (Q1, H1, Q3, Y), plus any other kind this agency has reported for or had
 * reopened, and the one `chosen`.
 */
export function listedPeriods<P extends PeriodLike & { own: OwnReport }>(
  periods: readonly P[],
  chosen: string | null,
): [number, P[]][] {
  return byYear(
    periods.filter(
      (p) => SCHEDULE.includes(p.kind) || p.code === chosen || p.own?.submitted || p.own?.reopened,
    ),
  );
}
