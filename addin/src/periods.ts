// Which period the pane preselects and how its deadline reads.
export interface PeriodView {
  code: string;
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

/**
 * The open period: the first (by due date) that is still accepted without
 * being late or within its grace, else reopened for this agency, else the latest one due.
 */
export function pickOpenPeriod<P extends PeriodView>(periods: readonly P[]): P | undefined {
  const byDue = [...periods].sort((a, b) => a.due.localeCompare(b.due));
  return (
    byDue.find((p) => p.daysLeft + p.graceDays >= 0) ??
    byDue.find((p) => p.own?.reopened) ??
    byDue.filter((p) => p.daysLeft < 0).at(-1) ??
    byDue[0]
  );
}

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
