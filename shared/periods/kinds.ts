// The kinds of report period, as data. Cut-off windows follow Decree
// 09/2019/NĐ-CP, art. 12: a window runs from the 15th of the month before it
// starts to the 14th of its last month (Q1 = 15/12 of the previous year to
// 14/3). Labels are the ones Vietnamese reports use.

export const PERIOD_KINDS = {
  Q1: { months: [1, 3], vi: 'Quý I năm {y}', en: 'Q1 {y}' },
  Q2: { months: [4, 6], vi: 'Quý II năm {y}', en: 'Q2 {y}' },
  Q3: { months: [7, 9], vi: 'Quý III năm {y}', en: 'Q3 {y}' },
  Q4: { months: [10, 12], vi: 'Quý IV năm {y}', en: 'Q4 {y}' },
  H1: { months: [1, 6], vi: '6 tháng đầu năm {y}', en: 'First six months of {y}' },
  H2: { months: [7, 12], vi: '6 tháng cuối năm {y}', en: 'Second six months of {y}' },
  M9: { months: [1, 9], vi: '9 tháng năm {y}', en: 'Nine months of {y}' },
  Y: { months: [1, 12], vi: 'Năm {y}', en: 'Year {y}' },
} as const satisfies Record<string, { months: [number, number]; vi: string; en: string }>;

export type PeriodKind = keyof typeof PERIOD_KINDS;
export const PERIOD_KIND_CODES = Object.keys(PERIOD_KINDS) as PeriodKind[];

/**
 * The periods agencies report by default: the plan asks for reports
 * "hàng quý, 06 tháng, cuối năm" (quarterly, six-monthly, year end), so the
 * six-month report stands for Q2 and the year-end report for Q4. A district
 * that reports every quarter, or by nine months, changes this setting.
 */
export const DEFAULT_SCHEDULE: readonly PeriodKind[] = ['Q1', 'H1', 'Q3', 'Y'];
