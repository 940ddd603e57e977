// On time, late or missing: a report is on time when its first version
// arrived (by Vietnam's calendar) no later than the due date plus grace.
import { addDays, vnToday } from '../../../shared/periods/index.ts';
import type { Timeliness } from '../../../shared/vocabulary/index.ts';
import type { PeriodRow } from '../db/periods.ts';

export function deadlineOf(p: PeriodRow): string {
  return addDays(p.due, p.grace_days);
}

export function timeliness(p: PeriodRow, firstReceivedAt: string | null | undefined): Timeliness {
  if (!firstReceivedAt) return 'missing';
  return vnToday(new Date(firstReceivedAt)) <= deadlineOf(p) ? 'on-time' : 'late';
}
