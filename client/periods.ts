// The period lists both apps show: the open one preselected by the Worker's
// rule (shared/periods/pick-open.ts), the periods grouped by year.
import { type PeriodLike, pickOpenPeriod, SCHEDULE } from '../shared/periods/pick-open.ts';

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
 * The periods the task pane and the web page offer, by year: the district's
 * schedule (the Worker's `scheduled`, else Q1, H1, Q3, Y), plus any other
 * kind this agency has reported for or had reopened (for the coordinator: that
 * is reopened for any agency), and the one `chosen`. For an agency key the
 * Worker already lists just these (GET /api/periods).
 */
export function listedPeriods<
  P extends PeriodLike & { own: OwnReport; scheduled?: boolean; reopenings?: readonly unknown[] },
>(periods: readonly P[], chosen: string | null): [number, P[]][] {
  return byYear(
    periods.filter(
      (p) =>
        (p.scheduled ?? SCHEDULE.includes(p.kind)) ||
        p.code === chosen ||
        p.own?.submitted ||
        p.own?.reopened ||
        // The coordinator: a period reopened for some agency.
        (p.reopenings?.length ?? 0) > 0,
    ),
  );
}

/**
 * The period to preselect: the Worker's `current` (shared/periods
 * pick-open.ts run on the list it sent), or the same rule run here when an
 * older Worker sent none.
 */
export function currentPeriod<P extends PeriodLike>(list: {
  periods: readonly P[];
  current?: string | null;
}): P | undefined {
  const named = list.current ? list.periods.find((p) => p.code === list.current) : undefined;
  return named ?? pickOpenPeriod(list.periods);
}
