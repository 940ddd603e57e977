// The kinds of report period, as data. Each row copies Decree 09/2019/NĐ-CP,
// art. 12 (thời gian chốt số liệu) so it can be checked against the Decree
// line by line; other calendars (e.g. Thông tư 10/2022/TT-BLĐTBXH) are
// per-period overrides in rules.ts, not new code.
import { type IsoDate, isoDate } from './dates.ts';

export const PERIOD_KIND_CODES = ['Q1', 'Q2', 'Q3', 'Q4', 'H1', 'H2', 'M9', 'Y'] as const;
export type PeriodKind = (typeof PERIOD_KIND_CODES)[number];

/** A calendar day relative to the period's year; `prevYear` for 15/12 of the year before. */
export interface MonthDay {
  readonly month: number;
  readonly day: number;
  readonly prevYear?: boolean;
}

export interface PeriodKindRule {
  /** `{year}` is replaced by the period's year. Vietnamese text is NFC. */
  readonly label: { readonly vi: string; readonly en: string };
  /** Inclusive data cut-off window. */
  readonly cutoff: { readonly from: MonthDay; readonly to: MonthDay };
}

// Every window that starts with the year starts on 15/12 of the year before.
const PREV_DEC_15: MonthDay = { month: 12, day: 15, prevYear: true };

export const PERIOD_KINDS: Readonly<Record<PeriodKind, PeriodKindRule>> = {
  Q1: {
    label: { vi: 'Quý I năm {year}', en: 'Q1 {year}' },
    cutoff: { from: PREV_DEC_15, to: { month: 3, day: 14 } },
  },
  Q2: {
    label: { vi: 'Quý II năm {year}', en: 'Q2 {year}' },
    cutoff: { from: { month: 3, day: 15 }, to: { month: 6, day: 14 } },
  },
  Q3: {
    label: { vi: 'Quý III năm {year}', en: 'Q3 {year}' },
    cutoff: { from: { month: 6, day: 15 }, to: { month: 9, day: 14 } },
  },
  Q4: {
    label: { vi: 'Quý IV năm {year}', en: 'Q4 {year}' },
    cutoff: { from: { month: 9, day: 15 }, to: { month: 12, day: 14 } },
  },
  H1: {
    label: { vi: '6 tháng đầu năm {year}', en: 'First six months of {year}' },
    cutoff: { from: PREV_DEC_15, to: { month: 6, day: 14 } },
  },
  H2: {
    label: { vi: '6 tháng cuối năm {year}', en: 'Second six months of {year}' },
    cutoff: { from: { month: 6, day: 15 }, to: { month: 12, day: 14 } },
  },
  // Nine-month reports are asked for by some provinces (DOMAIN.md); same 15th–14th rule.
  M9: {
    label: { vi: '9 tháng năm {year}', en: 'Nine months of {year}' },
    cutoff: { from: PREV_DEC_15, to: { month: 9, day: 14 } },
  },
  Y: {
    label: { vi: 'Năm {year}', en: 'Year {year}' },
    cutoff: { from: PREV_DEC_15, to: { month: 12, day: 14 } },
  },
};

/**
 * The kinds agencies report by default. Plan 58 §III asks for reports "hàng
 * quý, 06 tháng, cuối năm" (quarterly, six-monthly, year end): the six-month
 * report stands for Q2 and the year-end report for Q4, so the schedule is
 * Q1, H1, Q3, Y. It is a setting (`schedule` in PeriodRules): a district that
 * reports every quarter, or adds the nine-month report, changes it there.
 */
export const DEFAULT_SCHEDULE: readonly PeriodKind[] = Object.freeze(['Q1', 'H1', 'Q3', 'Y']);

/** The plan runs 2022–2030; both ends are settings. */
export const DEFAULT_FIRST_YEAR = 2022;
export const DEFAULT_LAST_YEAR = 2030;

function day(year: number, d: MonthDay): IsoDate {
  return isoDate(d.prevYear ? year - 1 : year, d.month, d.day);
}

/** The Decree 09 cut-off window of a kind in a year (2026 Q1: 2025-12-15 – 2026-03-14). */
export function decreeCutoff(year: number, kind: PeriodKind): { from: IsoDate; to: IsoDate } {
  const { from, to } = PERIOD_KINDS[kind].cutoff;
  return { from: day(year, from), to: day(year, to) };
}
