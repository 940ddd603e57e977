// One word for each state, everywhere: the task pane, the web page, the
// merged workbook and the API's descriptions take their labels from here, so
// a state is never worded two ways ("Đã tiếp nhận" on the page, "Đã chấp
// nhận" in the workbook). Codes are the API's; labels are Vietnamese first.
import type { Bilingual } from '../text/bilingual.ts';

/**
 * The coordinator's review of a report version (the latest review row wins):
 * `received` until reviewed, then `accepted` or `returned` (for correction).
 */
export type ReviewState = 'received' | 'accepted' | 'returned';
export const REVIEW_STATES = [
  'received',
  'accepted',
  'returned',
] as const satisfies readonly ReviewState[];

export const REVIEW_STATE_LABELS: Readonly<Record<ReviewState, Bilingual>> = {
  received: { vi: 'Chờ xem xét', en: 'Awaiting review' },
  accepted: { vi: 'Đã tiếp nhận', en: 'Accepted' },
  returned: { vi: 'Đã trả lại để sửa', en: 'Returned for correction' },
};

/**
 * The coordinator's review actions (verbs on buttons): accept and return lead
 * to their states; reopen takes an accepted report back to `received`.
 */
export type ReviewAction = 'accept' | 'return' | 'reopen';
export const REVIEW_ACTION_LABELS: Readonly<Record<ReviewAction, Bilingual>> = {
  accept: { vi: 'Tiếp nhận', en: 'Accept' },
  return: { vi: 'Trả lại để sửa', en: 'Return for correction' },
  reopen: { vi: 'Mở lại để xem xét', en: 'Reopen for review' },
};

/**
 * What one review row records (a version's review history): the action's
 * outcome. A version whose latest review is `reopened` is `received` again.
 */
export type ReviewOutcome = 'accepted' | 'returned' | 'reopened';
export const REVIEW_OUTCOME_LABELS: Readonly<Record<ReviewOutcome, Bilingual>> = {
  accepted: REVIEW_STATE_LABELS.accepted,
  returned: REVIEW_STATE_LABELS.returned,
  reopened: { vi: 'Đã mở lại để xem xét', en: 'Reopened for review' },
};

/**
 * Whether an agency's report for a period arrived in time: its first version
 * no later than the due date plus grace, by Vietnam's calendar (UTC+7).
 */
export type Timeliness = 'on-time' | 'late' | 'missing';
export const TIMELINESS_LABELS: Readonly<Record<Timeliness, Bilingual>> = {
  'on-time': { vi: 'Đúng hạn', en: 'On time' },
  late: { vi: 'Trễ hạn', en: 'Late' },
  missing: { vi: 'Chưa nộp', en: 'Not received' },
};
/** A missing report once the deadline (due date + grace) has passed. */
export const MISSING_OVERDUE_LABEL: Bilingual = {
  vi: 'Chưa nộp (quá hạn)',
  en: 'Not received (overdue)',
};

/**
 * What an access key may do (not to be confused with a task role): the
 * coordinating office's key reads everything and administers; an agency key
 * reports for its own agency.
 */
export type KeyRole = 'coordinator' | 'agency';
export const KEY_ROLE_LABELS: Readonly<Record<KeyRole, Bilingual>> = {
  coordinator: { vi: 'Văn phòng điều phối', en: 'Coordinating office' },
  agency: { vi: 'Cơ quan báo cáo', en: 'Reporting agency' },
};

/**
 * An agency's part in one task of the appendix: cơ quan chủ trì (lead) or
 * cơ quan phối hợp (coordinating). Plan 58's appendix columns.
 */
export type TaskRole = 'lead' | 'coordinating';
export const TASK_ROLE_LABELS: Readonly<Record<TaskRole, Bilingual>> = {
  lead: { vi: 'Chủ trì', en: 'Lead' },
  coordinating: { vi: 'Phối hợp', en: 'Coordinating' },
};

/** A task's progress as the agency reports it (the status column's list). */
export const TASK_STATUSES = [
  { code: 'not-started', vi: 'Chưa triển khai', en: 'Not started' },
  { code: 'in-progress', vi: 'Đang triển khai', en: 'In progress' },
  { code: 'done', vi: 'Hoàn thành', en: 'Completed' },
  { code: 'ongoing', vi: 'Thực hiện thường xuyên', en: 'Carried out regularly' },
] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number]['code'];

/** The label of a code, or the code itself when it is not one of the list (never throws). */
export function labelOf<K extends string>(
  labels: Readonly<Record<K, Bilingual>>,
  code: string,
): Bilingual {
  return (labels as Record<string, Bilingual>)[code] ?? { vi: code, en: code };
}
