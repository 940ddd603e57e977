// The periods as the pane shows them: which is preselected and how its deadline reads.
export interface PeriodView {
  code: string;
  year: number;
  kind: string;
  label: { vi: string; en: string };
  due: string;
  deadline: string;
  daysLeft: number;
  graceDays: number;
  locked: boolean;
  lockReason: string | null;
  cutoff: { from: string; to: string };
  own: {
    submitted: boolean;
    latestVersion: number | null;
    latestReceivedAt: string | null;
    reviewState: string | null;
    returnedComment: string | null;
    reopened: boolean;
  } | null;
}

/** The open period: the same choice as the web page and the Worker (shared/periods/pick-open.ts). */
export { pickOpenPeriod } from '../../shared/periods/pick-open.ts';

import { SCHEDULE } from '../../shared/periods/pick-open.ts';

export type DueState =
  | { kind: 'left'; days: number }
  | { kind: 'today' }
  | { kind: 'overdue'; days: number };

export function dueState(daysLeft: number): DueState {
  if (daysLeft > 0) return { kind: 'left', days: daysLeft };
  if (daysLeft === 0) return { kind: 'today' };
  return { kind: 'overdue', days: -daysLeft };
}

/** dd/mm/yyyy, as Vietnamese documents print dates. */
export function viDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

/** An ISO timestamp as Vietnam's local time, "dd/mm/yyyy hh:mm". */
export function viDateTime(iso: string): string {
  const t = new Date(new Date(iso).getTime() + 7 * 3600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(t.getUTCDate())}/${p(t.getUTCMonth() + 1)}/${t.getUTCFullYear()} ${p(t.getUTCHours())}:${p(t.getUTCMinutes())}`;
}

/**
 * The periods the list offers: the district's schedule (Q1, H1, Q3, Y), plus
 * any other kind this agency has reported for or had reopened, and the one
 * chosen; by year, then due date.
 */
export function listedPeriods<P extends PeriodView>(
  periods: readonly P[],
  chosen: string | null,
): Map<number, P[]> {
  const shown = periods.filter(
    (p) => SCHEDULE.includes(p.kind) || p.code === chosen || p.own?.submitted || p.own?.reopened,
  );
  const byYear = new Map<number, P[]>();
  for (const p of [...shown].sort(
    (a, b) => a.due.localeCompare(b.due) || a.code.localeCompare(b.code),
  )) {
    byYear.set(p.year, [...(byYear.get(p.year) ?? []), p]);
  }
  return byYear;
}
