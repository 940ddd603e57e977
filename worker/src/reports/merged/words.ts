// The merged workbook's fixed words: its sheet names, the Vietnamese labels
// of the one vocabulary (shared/vocabulary) and the period and due-date
// lines every sheet repeats under its title. The workbook is in Vietnamese.
import { addDays } from '../../../../shared/periods/index.ts';
import {
  REVIEW_STATE_LABELS,
  TASK_STATUSES,
  TIMELINESS_LABELS,
} from '../../../../shared/vocabulary/index.ts';
import { viDate } from '../common.ts';
import type { MergedPeriod } from './input.ts';

export const MERGED_SHEET_NAMES = {
  summary: 'Tổng hợp',
  detail: 'Chi tiết',
  issues: 'Khó khăn - Kiến nghị',
  submissions: 'Tình hình nộp báo cáo',
} as const;

/**
 * A responsible agency with no row for the task (nothing received): the
 * vocabulary's word for a missing report ("Chưa nộp"), the same on the page,
 * in the pane and on every sheet.
 */
export const NOT_REPORTED = TIMELINESS_LABELS.missing.vi;

/**
 * Marks the rows where a text too long for one row goes on (split.ts):
 * "Phòng Tư pháp (chủ trì) (tiếp)".
 */
export const CONTINUED = '(tiếp)';

export const TIMELINESS_VI = viOf(TIMELINESS_LABELS);
export const REVIEW_VI = viOf(REVIEW_STATE_LABELS);
export const STATUS_VI = new Map<string, string>(TASK_STATUSES.map((s) => [s.code, s.vi]));

function viOf<K extends string>(labels: Readonly<Record<K, { vi: string }>>): Record<K, string> {
  return Object.fromEntries(
    Object.entries(labels).map(([k, v]) => [k, (v as { vi: string }).vi]),
  ) as Record<K, string>;
}

/** "Quý I năm 2026 (số liệu từ 15/12/2025 đến 14/03/2026)". */
export const periodLine = (p: MergedPeriod) =>
  `${p.label.vi} (số liệu từ ${viDate(p.cutoff.from)} đến ${viDate(p.cutoff.to)})`;

/** The due date, and the grace when there is one, as a sentence. */
export const dueLine = (p: MergedPeriod) =>
  `Hạn nộp báo cáo: ${viDate(p.due)}${
    p.graceDays > 0
      ? `; gia hạn ${p.graceDays} ngày, đến hết ngày ${viDate(addDays(p.due, p.graceDays))}`
      : ''
  }.`;
