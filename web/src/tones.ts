// The colour tone of a badge for each state the page shows: success, warning,
// danger, info or neutral (styles/notices.css gives each its colours).
import { dueState } from '../../client/deadline.ts';

export type Tone = 'success' | 'warning' | 'danger' | 'neutral' | 'info';

/** Overdue red; due within a week, today or in grace amber; further away neutral. */
export function dueTone(daysLeft: number, graceDays: number): Tone {
  const k = dueState(daysLeft, graceDays).kind;
  return k === 'overdue' ? 'danger' : k === 'left' && daysLeft > 7 ? 'neutral' : 'warning';
}

/** On time green, late amber, missing red once overdue, else neutral. */
export function timelinessTone(status: string, overdue = false): Tone {
  if (status === 'on-time') return 'success';
  if (status === 'late') return 'warning';
  return overdue ? 'danger' : 'neutral';
}

/** Accepted green, returned red, awaiting review blue. */
export function reviewTone(state: string | null | undefined): Tone {
  if (state === 'accepted') return 'success';
  if (state === 'returned') return 'danger';
  return 'info';
}
