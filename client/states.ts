// The labels both apps show for the API's state codes, all from
// shared/vocabulary (one word per state, as in the merged workbook): an
// agency's timeliness, the coordinator's review, the key's role. The API
// sends the codes as plain strings; an unknown code is shown as it is.
import type { Bilingual } from '../shared/text/bilingual.ts';
import {
  KEY_ROLE_LABELS,
  labelOf,
  MISSING_OVERDUE_LABEL,
  REVIEW_OUTCOME_LABELS,
  REVIEW_STATE_LABELS,
  TASK_STATUSES,
  TIMELINESS_LABELS,
} from '../shared/vocabulary/index.ts';

/** On time, late, not received, or not received once the deadline has passed (`overdue`). */
export function timelinessLabel(status: string, overdue = false): Bilingual {
  return status === 'missing' && overdue
    ? MISSING_OVERDUE_LABEL
    : labelOf(TIMELINESS_LABELS, status);
}

/** Awaiting review, accepted, returned for correction; null before any version arrived. */
export function reviewLabel(state: string | null | undefined): Bilingual | null {
  return state ? labelOf(REVIEW_STATE_LABELS, state) : null;
}

/** Coordinating office or reporting agency: what an access key may do. */
export const keyRoleLabel = (role: string): Bilingual => labelOf(KEY_ROLE_LABELS, role);

/** A task's status (not started, in progress, done, ongoing); an unknown code as it is. */
export function taskStatusLabel(code: string): Bilingual {
  const s = TASK_STATUSES.find((x) => x.code === code);
  return s ? { vi: s.vi, en: s.en } : { vi: code, en: code };
}

/** What one review did to a version: accepted, returned, reopened. */
export const reviewOutcomeLabel = (state: string): Bilingual =>
  labelOf(REVIEW_OUTCOME_LABELS, state);
