// Report periods against Decree 09/2019/NĐ-CP art. 12, with expected dates
// written by hand (weekdays checked with `date -d`).
import { describe, expect, it } from 'vitest';
import {
  daysLeft,
  deadline,
  formatPeriodCode,
  formatViDate,
  getPeriod,
  listPeriods,
  openPeriod,
  PERIOD_KIND_CODES,
  PeriodCodeSchema,
  parsePeriodCode,
  periodsCovering,
  statusOn,
  vnToday,
} from '../../shared/periods/index.ts';

describe('labels and cut-off windows', () => {
  it.each([
    ['2026-Q1', 'Quý I năm 2026', 'Q1 2026', '2025-12-15', '2026-03-14'],
    ['2026-Q2', 'Quý II năm 2026', 'Q2 2026', '2026-03-15', '2026-06-14'],
    ['2026-Q3', 'Quý III năm 2026', 'Q3 2026', '2026-06-15', '2026-09-14'],
    ['2026-Q4', 'Quý IV năm 2026', 'Q4 2026', '2026-09-15', '2026-12-14'],
    ['2026-H1', '6 tháng đầu năm 2026', 'First six months of 2026', '2025-12-15', '2026-06-14'],
    ['2026-H2', '6 tháng cuối năm 2026', 'Second six months of 2026', '2026-06-15', '2026-12-14'],
    ['2026-M9', '9 tháng năm 2026', 'Nine months of 2026', '2025-12-15', '2026-09-14'],
    ['2026-Y', 'Năm 2026', 'Year 2026', '2025-12-15', '2026-12-14'],
    ['2022-Q1', 'Quý I năm 2022', 'Q1 2022', '2021-12-15', '2022-03-14'],
    ['2030-Y', 'Năm 2030', 'Year 2030', '2029-12-15', '2030-12-14'],
  ])('%s: %s, %s → %s', (code, vi, en, from, to) => {
    const p = getPeriod(code);
    expect(p.label).toEqual({ vi, en });
    expect(p.label.vi).toBe(p.label.vi.normalize('NFC'));
    expect(p.cutoff).toEqual({ from, to });
  });

  it('a leap year does not move the window (Q1 2024 still ends on 14/3)', () => {
    expect(getPeriod('2024-Q1').cutoff).toEqual({ from: '2023-12-15', to: '2024-03-14' });
  });

  it('lists 9 years × 8 kinds = 72 periods, each code round-tripping', () => {
    const all = listPeriods();
    expect(all).toHaveLength(72);
    for (const p of all) {
      const parsed = parsePeriodCode(p.code);
      expect(parsed.ok && parsed.value).toEqual({ year: p.year, kind: p.kind, code: p.code });
      expect(formatPeriodCode(p.year, p.kind)).toBe(p.code);
    }
    expect(PERIOD_KIND_CODES).toEqual(['Q1', 'Q2', 'Q3', 'Q4', 'H1', 'H2', 'M9', 'Y']);
  });
});

describe('parsePeriodCode', () => {
  it.each([
    [42, 'PERIOD_NOT_STRING'],
    [null, 'PERIOD_NOT_STRING'],
    ['2026Q1', 'PERIOD_BAD_SHAPE'],
    ['26-Q1', 'PERIOD_BAD_SHAPE'],
    ['', 'PERIOD_BAD_SHAPE'],
    ['2026-Q1-extra', 'PERIOD_BAD_SHAPE'],
    ['2026-Q5', 'PERIOD_UNKNOWN_KIND'],
    ['2026-S1', 'PERIOD_UNKNOWN_KIND'],
    ['2021-Q4', 'PERIOD_YEAR_OUT_OF_RANGE'],
    ['2031-Y', 'PERIOD_YEAR_OUT_OF_RANGE'],
  ])('%j → %s', (input, code) => {
    const r = parsePeriodCode(input);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe(code);
      expect(r.error.message.vi).toMatch(/kỳ báo cáo/);
      expect(r.error.message.en).toMatch(/period code/);
    }
  });

  it('names the bad value and the expected shape', () => {
    const r = parsePeriodCode('2026-Q5');
    expect(!r.ok && r.error.message.vi).toContain('“2026-Q5”');
    expect(!r.ok && r.error.message.en).toContain('2026-Q1, 2026-H1, 2026-M9, 2026-Y');
  });

  it('accepts spaces and lower case, giving the canonical code', () => {
    const r = parsePeriodCode(' 2026-h1 ');
    expect(r.ok && r.value.code).toBe('2026-H1');
  });

  it('getPeriod throws the bilingual message; the zod schema reports it', () => {
    expect(() => getPeriod('2026-Q5')).toThrow(/không hợp lệ.*\/.*invalid/);
    expect(PeriodCodeSchema.safeParse('2026-Q5').success).toBe(false);
    expect(PeriodCodeSchema.parse('2026-y')).toBe('2026-Y');
  });

  it('a wider year range is a setting', () => {
    expect(parsePeriodCode('2031-Y', { lastYear: 2035 }).ok).toBe(true);
  });
});

describe('due dates and grace', () => {
  it.each([
    // cut-off end, its weekday, then two working days later
    ['2026-Q1', '2026-03-17'], // Sat 14/3 → Mon 16, Tue 17
    ['2025-Q1', '2025-03-18'], // Fri 14/3 → Mon 17, Tue 18
    ['2024-Q1', '2024-03-18'], // Thu 14/3 → Fri 15, Mon 18
    ['2026-H1', '2026-06-16'], // Sun 14/6 → Mon 15, Tue 16
    ['2026-Q3', '2026-09-16'], // Mon 14/9 → Tue 15, Wed 16
  ])('%s is due %s by default', (code, due) => {
    const p = getPeriod(code);
    expect(p.due).toBe(due);
    expect(p.graceDays).toBe(3);
  });

  it('the coordinator can override due date and grace per period, or the rule', () => {
    const p = getPeriod('2026-Q1', {
      overrides: { '2026-Q1': { due: '2026-03-20', graceDays: 0 } },
    });
    expect(p.due).toBe('2026-03-20');
    expect(deadline(p)).toBe('2026-03-20');
    expect(getPeriod('2026-Q3', { dueWorkingDaysAfterCutoff: 5 }).due).toBe('2026-09-21'); // Mon 21/9
    expect(getPeriod('2026-Q3', { graceDays: 10 }).graceDays).toBe(10);
  });

  it('days left, and the status on a date', () => {
    const p = getPeriod('2026-Q1'); // due 17/3, deadline 20/3
    expect(daysLeft(p, '2026-03-10')).toBe(7);
    expect(daysLeft(p, '2026-03-17')).toBe(0);
    expect(daysLeft(p, '2026-03-19')).toBe(-2);
    expect(statusOn(p, '2026-03-14')).toBe('collecting');
    expect(statusOn(p, '2026-03-15')).toBe('due');
    expect(statusOn(p, '2026-03-18')).toBe('in-grace');
    expect(statusOn(p, '2026-03-21')).toBe('overdue');
  });
});

describe('which period is open', () => {
  it.each([
    ['2026-03-20', '2026-Q1'], // the last day of Q1's grace
    ['2026-03-21', '2026-H1'], // the day after: the six-month report
    ['2026-06-19', '2026-H1'],
    ['2026-06-20', '2026-Q3'],
    ['2026-09-20', '2026-Y'],
    ['2026-01-01', '2026-Q1'], // 2025-Y closed on 19/12/2025
    ['2025-12-19', '2025-Y'],
    ['2020-05-01', '2022-Q1'], // before the plan: its first period
    ['2030-12-20', '2030-Y'], // Sat 14/12/2030 → due Tue 17, grace to 20/12
  ])('on %s: %s', (date, code) => {
    expect(openPeriod(date)?.code).toBe(code);
  });

  it('none after the last period', () => {
    expect(openPeriod('2030-12-21')).toBeUndefined();
  });

  it('the schedule is a setting: quarterly reporting opens Q2', () => {
    expect(openPeriod('2026-03-21', { schedule: ['Q1', 'Q2', 'Q3', 'Q4'] })?.code).toBe('2026-Q2');
  });

  it('periods whose cut-off window covers a date', () => {
    expect(
      periodsCovering('2026-01-10')
        .map((p) => p.code)
        .sort(),
    ).toEqual(['2026-H1', '2026-M9', '2026-Q1', '2026-Y']);
    expect(
      periodsCovering('2026-12-15')
        .map((p) => p.code)
        .sort(),
    ).toEqual(['2027-H1', '2027-M9', '2027-Q1', '2027-Y']);
  });
});

describe('dates', () => {
  it('today in Vietnam (UTC+7), whatever the machine says', () => {
    expect(vnToday(new Date('2026-03-14T17:30:00Z'))).toBe('2026-03-15');
    expect(vnToday(new Date('2026-03-14T16:59:59Z'))).toBe('2026-03-14');
  });
  it('formats dd/mm/yyyy', () => {
    expect(formatViDate('2026-03-05')).toBe('05/03/2026');
  });
});
