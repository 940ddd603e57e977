// Report periods against Decree 09/2019/NĐ-CP art. 12. Every expected date is
// written by hand from the Decree's table; weekdays were counted by hand from
// 1 January (2022 Sat, 2023 Sun, 2024 Mon, 2025 Wed, 2026 Thu, 2030 Tue) and
// checked with `date -u -d`.
import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  DEFAULT_SCHEDULE,
  daysBetween,
  daysLeft,
  deadline,
  formatPeriodCode,
  formatViDate,
  getPeriod,
  InvalidDateError,
  InvalidPeriodCodeError,
  isIsoDate,
  isoDate,
  listPeriods,
  openPeriod,
  PERIOD_KIND_CODES,
  PeriodCode,
  PeriodRulesError,
  PeriodSchema,
  parsePeriodCode,
  periodCodeSchema,
  periodName,
  periodsCovering,
  scheduledPeriods,
  statusOn,
  vnToday,
  weekday,
} from '../../shared/periods/index.ts';

const EXAMPLES = '2026-Q1, 2026-H1, 2026-M9, 2026-Y';

describe('labels and cut-off windows (Decree 09, art. 12)', () => {
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
    ['2022-Y', 'Năm 2022', 'Year 2022', '2021-12-15', '2022-12-14'],
    ['2030-Q4', 'Quý IV năm 2030', 'Q4 2030', '2030-09-15', '2030-12-14'],
    ['2030-Y', 'Năm 2030', 'Year 2030', '2029-12-15', '2030-12-14'],
  ])('%s: “%s” / “%s”, %s – %s', (code, vi, en, from, to) => {
    const p = getPeriod(code);
    expect(p.label).toEqual({ vi, en });
    expect(p.cutoff).toEqual({ from, to });
    expect(p.code).toBe(code);
  });

  it('Vietnamese labels are precomposed (NFC)', () => {
    for (const p of listPeriods()) expect(p.label.vi).toBe(p.label.vi.normalize('NFC'));
    // "Quý" with a precomposed ý (U+00FD), not y + combining acute.
    expect(getPeriod('2026-Q1').label.vi.codePointAt(2)).toBe(0xfd);
  });

  it('a leap year keeps the windows: Q1 2024 spans 29/2 and still ends on 14/3', () => {
    const q1 = getPeriod('2024-Q1');
    expect(q1.cutoff).toEqual({ from: '2023-12-15', to: '2024-03-14' });
    // 17 days of December + 31 + 29 + 14 = 91 days, both ends included.
    expect(daysBetween(q1.cutoff.from, q1.cutoff.to) + 1).toBe(91);
    expect(daysBetween('2024-12-15', '2025-03-14') + 1).toBe(90);
  });

  it('the quarters of a year tile the annual window with no gap or overlap', () => {
    const [q1, q2, q3, q4, y] = ['Q1', 'Q2', 'Q3', 'Q4', 'Y'].map((k) => getPeriod(`2027-${k}`));
    expect(q1!.cutoff.from).toBe(y!.cutoff.from);
    expect(daysBetween(q1!.cutoff.to, q2!.cutoff.from)).toBe(1);
    expect(daysBetween(q2!.cutoff.to, q3!.cutoff.from)).toBe(1);
    expect(daysBetween(q3!.cutoff.to, q4!.cutoff.from)).toBe(1);
    expect(q4!.cutoff.to).toBe(y!.cutoff.to);
  });

  it('kinds and the default schedule', () => {
    expect(PERIOD_KIND_CODES).toEqual(['Q1', 'Q2', 'Q3', 'Q4', 'H1', 'H2', 'M9', 'Y']);
    expect(DEFAULT_SCHEDULE).toEqual(['Q1', 'H1', 'Q3', 'Y']);
  });
});

describe('all periods 2022–2030', () => {
  const all = listPeriods();

  it('are 9 years × 8 kinds = 72', () => {
    expect(all).toHaveLength(72);
    expect(new Set(all.map((p) => p.code)).size).toBe(72);
  });

  it('round-trip: format(year, kind) is the code and parse(code) gives year and kind back', () => {
    let checked = 0;
    for (let year = 2022; year <= 2030; year++) {
      for (const kind of PERIOD_KIND_CODES) {
        const code = formatPeriodCode(year, kind);
        expect(code).toBe(`${year}-${kind}`);
        expect(parsePeriodCode(code)).toEqual({ ok: true, value: { year, kind, code } });
        expect(parsePeriodCode(code.toLowerCase())).toEqual({
          ok: true,
          value: { year, kind, code },
        });
        expect(all.some((p) => p.code === code && p.year === year && p.kind === kind)).toBe(true);
        checked++;
      }
    }
    expect(checked).toBe(72);
  });

  it('each one satisfies PeriodSchema', () => {
    for (const p of all) expect(PeriodSchema.parse(p)).toEqual(p);
  });

  it('are sorted by due date, then code', () => {
    // 2022-Q1: cut-off Mon 14/3/2022 → due Wed 16/3.
    expect(all[0]?.code).toBe('2022-Q1');
    expect(all[0]?.due).toBe('2022-03-16');
    // Q4, H2 and Y of 2030 share the due date Tue 17/12/2030: code order.
    expect(all.slice(-3).map((p) => p.code)).toEqual(['2030-H2', '2030-Q4', '2030-Y']);
    for (let i = 1; i < all.length; i++) {
      const [a, b] = [all[i - 1]!, all[i]!];
      expect(a.due < b.due || (a.due === b.due && a.code < b.code)).toBe(true);
    }
  });

  it('every day from 15/12/2021 to 14/12/2030 is in exactly one quarter, one half and one year', () => {
    let days = 0;
    for (
      let d = '2021-12-15';
      d <= '2030-12-14';
      d = isoDate(+d.slice(0, 4), +d.slice(5, 7), +d.slice(8) + 1)
    ) {
      const covering = all.filter((p) => p.cutoff.from <= d && d <= p.cutoff.to);
      expect(covering.filter((p) => p.kind.startsWith('Q'))).toHaveLength(1);
      expect(covering.filter((p) => p.kind === 'H1' || p.kind === 'H2')).toHaveLength(1);
      expect(covering.filter((p) => p.kind === 'Y')).toHaveLength(1);
      days++;
    }
    // 15/12/2021 – 14/12/2030 is nine years, two of them leap (2024, 2028).
    expect(days).toBe(9 * 365 + 2);
  });
});

describe('parsePeriodCode', () => {
  it.each([
    [42, 'PERIOD_NOT_STRING'],
    [null, 'PERIOD_NOT_STRING'],
    [undefined, 'PERIOD_NOT_STRING'],
    [true, 'PERIOD_NOT_STRING'],
    [{ year: 2026, kind: 'Q1' }, 'PERIOD_NOT_STRING'],
    [['2026-Q1'], 'PERIOD_NOT_STRING'],
    ['', 'PERIOD_BAD_SHAPE'],
    ['   ', 'PERIOD_BAD_SHAPE'],
    ['2026Q1', 'PERIOD_BAD_SHAPE'],
    ['26-Q1', 'PERIOD_BAD_SHAPE'],
    ['20260-Q1', 'PERIOD_BAD_SHAPE'],
    ['Q1-2026', 'PERIOD_BAD_SHAPE'],
    ['2026-', 'PERIOD_BAD_SHAPE'],
    ['-Q1', 'PERIOD_BAD_SHAPE'],
    ['2026 Q1', 'PERIOD_BAD_SHAPE'],
    ['2026 - Q1', 'PERIOD_BAD_SHAPE'],
    ['2026/Q1', 'PERIOD_BAD_SHAPE'],
    ['2026_Q1', 'PERIOD_BAD_SHAPE'],
    ['2026-Q1-extra', 'PERIOD_BAD_SHAPE'],
    ['Quý I năm 2026', 'PERIOD_BAD_SHAPE'],
    ['2026-Q5', 'PERIOD_UNKNOWN_KIND'],
    ['2026-Q0', 'PERIOD_UNKNOWN_KIND'],
    ['2026-H3', 'PERIOD_UNKNOWN_KIND'],
    ['2026-M6', 'PERIOD_UNKNOWN_KIND'],
    ['2026-S1', 'PERIOD_UNKNOWN_KIND'],
    ['2026-A', 'PERIOD_UNKNOWN_KIND'],
    ['2026-QI', 'PERIOD_UNKNOWN_KIND'],
    ['2026-YEAR', 'PERIOD_UNKNOWN_KIND'],
    ['2021-Q4', 'PERIOD_YEAR_OUT_OF_RANGE'],
    ['2031-Y', 'PERIOD_YEAR_OUT_OF_RANGE'],
    ['0000-Q1', 'PERIOD_YEAR_OUT_OF_RANGE'],
    ['9999-H1', 'PERIOD_YEAR_OUT_OF_RANGE'],
  ])('%j → %s', (input, code) => {
    const r = parsePeriodCode(input);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe(code);
    expect(r.error.message.vi).toMatch(/^Mã kỳ báo cáo /);
    expect(r.error.message.en).toMatch(/^Report period code /);
    expect(r.error.message.vi).toContain(`dạng đúng: ${EXAMPLES}`);
    expect(r.error.message.en).toContain(`expected e.g. ${EXAMPLES}`);
    expect(r.error.message.vi).toBe(r.error.message.vi.normalize('NFC'));
  });

  it('messages name the bad value and the expected shape', () => {
    expect(parsePeriodCode('2026Q1')).toEqual({
      ok: false,
      error: {
        code: 'PERIOD_BAD_SHAPE',
        message: {
          vi: 'Mã kỳ báo cáo “2026Q1” không hợp lệ; dạng đúng: 2026-Q1, 2026-H1, 2026-M9, 2026-Y',
          en: 'Report period code “2026Q1” is invalid; expected e.g. 2026-Q1, 2026-H1, 2026-M9, 2026-Y',
        },
      },
    });
    const kind = parsePeriodCode('2026-Q5');
    expect(!kind.ok && kind.error.message.vi).toBe(
      'Mã kỳ báo cáo “2026-Q5” không hợp lệ: không có loại kỳ “Q5” (các loại kỳ: Q1, Q2, Q3, Q4, H1, H2, M9, Y); dạng đúng: 2026-Q1, 2026-H1, 2026-M9, 2026-Y',
    );
    expect(!kind.ok && kind.error.message.en).toBe(
      'Report period code “2026-Q5” is invalid: there is no period kind “Q5” (kinds: Q1, Q2, Q3, Q4, H1, H2, M9, Y); expected e.g. 2026-Q1, 2026-H1, 2026-M9, 2026-Y',
    );
    const year = parsePeriodCode('2031-Y');
    expect(!year.ok && year.error.message.vi).toContain(
      'năm 2031 nằm ngoài các năm báo cáo (2022–2030)',
    );
    expect(!year.ok && year.error.message.en).toContain(
      'year 2031 is outside the reporting years (2022–2030)',
    );
    const notText = parsePeriodCode(42);
    expect(!notText.ok && notText.error.message.vi).toContain('phải là chuỗi ký tự, nhận được 42');
    expect(!notText.ok && notText.error.message.en).toContain('must be text, got 42');
  });

  it('a very long value is cut in the message', () => {
    const r = parsePeriodCode(`2026-${'Q'.repeat(200)}`);
    expect(!r.ok && r.error.code).toBe('PERIOD_UNKNOWN_KIND');
    expect(!r.ok && r.error.message.en).toContain(`“2026-${'Q'.repeat(35)}…”`);
  });

  it.each([
    [' 2026-h1 ', '2026-H1'],
    ['2026-q1', '2026-Q1'],
    ['2026-y', '2026-Y'],
    ['2026-m9', '2026-M9'],
    ['\u00a02026-Q3\t', '2026-Q3'], // non-breaking space and tab, as pasted from Word
    ['2026\u2013Q2', '2026-Q2'], // en dash (Word/Excel autocorrect)
    ['2026\u2212H2', '2026-H2'], // minus sign
  ])('accepts %j as %s', (input, code) => {
    const r = parsePeriodCode(input);
    expect(r.ok && r.value.code).toBe(code);
  });

  it('the year range is a setting', () => {
    expect(parsePeriodCode('2031-Y', { lastYear: 2035 })).toEqual({
      ok: true,
      value: { year: 2031, kind: 'Y', code: '2031-Y' },
    });
    const r = parsePeriodCode('2024-Q1', { firstYear: 2025 });
    expect(!r.ok && r.error.code).toBe('PERIOD_YEAR_OUT_OF_RANGE');
    expect(!r.ok && r.error.message.en).toContain('(2025–2030)');
    // Examples stay inside the range.
    const later = parsePeriodCode('x', { firstYear: 2031, lastYear: 2035 });
    expect(!later.ok && later.error.message.en).toContain('2031-Q1, 2031-H1, 2031-M9, 2031-Y');
  });

  it('getPeriod throws the same bilingual message with the error code', () => {
    expect(() => getPeriod('2026-Q5')).toThrow(InvalidPeriodCodeError);
    try {
      getPeriod('2026Q1');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InvalidPeriodCodeError);
      const err = e as InvalidPeriodCodeError;
      expect(err.code).toBe('PERIOD_BAD_SHAPE');
      expect(err.message).toBe(
        'Mã kỳ báo cáo “2026Q1” không hợp lệ; dạng đúng: 2026-Q1, 2026-H1, 2026-M9, 2026-Y / Report period code “2026Q1” is invalid; expected e.g. 2026-Q1, 2026-H1, 2026-M9, 2026-Y',
      );
    }
    expect(getPeriod(' 2026-h1 ').code).toBe('2026-H1');
    expect(getPeriod('2031-Q1', { lastYear: 2031 }).cutoff.from).toBe('2030-12-15');
  });

  it('PeriodCode is a zod string schema that canonicalises and rejects with the error code', () => {
    expect(PeriodCode.parse(' 2026-y ')).toBe('2026-Y');
    const bad = PeriodCode.safeParse('2026-Q5');
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toContain('không có loại kỳ “Q5”');
    expect(bad.error?.issues[0]).toMatchObject({ params: { code: 'PERIOD_UNKNOWN_KIND' } });
    expect(PeriodCode.safeParse('2031-Y').success).toBe(false);
    expect(PeriodCode.safeParse(2026).success).toBe(false);
    expect(periodCodeSchema({ lastYear: 2031 }).parse('2031-y')).toBe('2031-Y');
  });

  it('PeriodSchema rejects a code that disagrees with year and kind, and bad dates', () => {
    const p = getPeriod('2026-Q1');
    expect(PeriodSchema.safeParse({ ...p, code: '2026-Q2' }).success).toBe(false);
    expect(PeriodSchema.safeParse({ ...p, due: '2026-02-30' }).success).toBe(false);
    expect(PeriodSchema.safeParse({ ...p, graceDays: -1 }).success).toBe(false);
  });
});

describe('due dates and grace', () => {
  it.each([
    // code, cut-off end and its weekday → two working days later
    ['2026-Q1', '2026-03-17'], // Sat 14/3/2026 → Mon 16, Tue 17
    ['2025-Q1', '2025-03-18'], // Fri 14/3/2025 → Mon 17, Tue 18
    ['2024-Q1', '2024-03-18'], // Thu 14/3/2024 → Fri 15, Mon 18
    ['2023-Y', '2023-12-18'], // Thu 14/12/2023 → Fri 15, Mon 18
    ['2030-Y', '2030-12-17'], // Sat 14/12/2030 → Mon 16, Tue 17
    ['2026-H1', '2026-06-16'], // Sun 14/6/2026 → Mon 15, Tue 16
    ['2026-Q3', '2026-09-16'], // Mon 14/9/2026 → Tue 15, Wed 16
    ['2022-Q1', '2022-03-16'], // Mon 14/3/2022 → Tue 15, Wed 16
  ])('%s is due %s by default, with 3 days of grace', (code, due) => {
    const p = getPeriod(code);
    expect(p.due).toBe(due);
    expect(p.graceDays).toBe(3);
  });

  it('deadline = due + grace (calendar days)', () => {
    expect(deadline(getPeriod('2026-Q1'))).toBe('2026-03-20'); // Tue 17 + 3
    expect(deadline(getPeriod('2030-Y'))).toBe('2030-12-20');
    expect(deadline(getPeriod('2026-Q1', { graceDays: 0 }))).toBe('2026-03-17');
  });

  it('a per-period override sets due date and grace; keys are read like codes', () => {
    const options = { overrides: { '2026-q1': { due: '2026-03-20', graceDays: 0 } } };
    const p = getPeriod('2026-Q1', options);
    expect(p.due).toBe('2026-03-20');
    expect(p.graceDays).toBe(0);
    expect(deadline(p)).toBe('2026-03-20');
    // Other periods keep the defaults.
    expect(getPeriod('2026-H1', options).due).toBe('2026-06-16');
    expect(listPeriods(options).find((x) => x.code === '2026-Q1')?.due).toBe('2026-03-20');
  });

  it('only the grace can be overridden for one period', () => {
    const p = getPeriod('2026-Q3', { overrides: { '2026-Q3': { graceDays: 7 } } });
    expect(p.due).toBe('2026-09-16');
    expect(deadline(p)).toBe('2026-09-23');
  });

  it('the due rule: working days or calendar days after the cut-off', () => {
    // Mon 14/9/2026 + 5 working days → Mon 21/9.
    expect(getPeriod('2026-Q3', { due: { workingDaysAfterCutoff: 5 } }).due).toBe('2026-09-21');
    // "by the 18th of the last month": 14/3 + 4 calendar days, a Wednesday.
    expect(getPeriod('2026-Q1', { due: { calendarDaysAfterCutoff: 4 } }).due).toBe('2026-03-18');
    // 0 working days: the cut-off day itself, even a Saturday.
    expect(getPeriod('2026-Q1', { due: { workingDaysAfterCutoff: 0 } }).due).toBe('2026-03-14');
    expect(getPeriod('2026-Q3', { graceDays: 10 }).graceDays).toBe(10);
  });

  it('a period can follow another calendar: its cut-off window is overridable', () => {
    // Dates illustrative: a regime whose six-month data closes on Fri 15/5.
    const p = getPeriod('2026-H1', {
      overrides: { '2026-H1': { cutoff: { from: '2026-01-01', to: '2026-05-15' } } },
    });
    expect(p.cutoff).toEqual({ from: '2026-01-01', to: '2026-05-15' });
    expect(p.due).toBe('2026-05-19'); // Fri 15/5 → Mon 18, Tue 19
  });

  it('an option left undefined means the default', () => {
    expect(getPeriod('2026-Q1', { graceDays: undefined, due: undefined })).toEqual(
      getPeriod('2026-Q1'),
    );
  });

  it.each([
    [{ graceDays: -1 }, 'graceDays: Số ngày không được âm / Number of days must not be negative'],
    [{ graceDays: 1.5 }, 'graceDays: Số ngày phải là số nguyên'],
    [{ due: { workingDaysAfterCutoff: -2 } }, 'due.workingDaysAfterCutoff: Số ngày không được âm'],
    [{ due: { days: 2 } }, 'Quy tắc hạn nộp phải là'],
    [{ firstYear: 2030, lastYear: 2022 }, 'lastYear: Năm cuối (2022) nhỏ hơn năm đầu (2030)'],
    [{ schedule: [] }, 'schedule: Lịch báo cáo cần ít nhất một loại kỳ'],
    [{ schedule: ['Q1', 'Q5'] }, 'schedule.1: Không có loại kỳ này'],
    [{ dueWorkingDaysAfterCutoff: 2 }, 'Không có cài đặt “dueWorkingDaysAfterCutoff”'],
    [{ overrides: { '2026-Q5': { graceDays: 1 } } }, 'overrides.2026-Q5: Mã kỳ báo cáo “2026-Q5”'],
    [{ overrides: { '2026-Q1': { due: '2026-02-30' } } }, 'Ngày “2026-02-30” không hợp lệ'],
    [{ overrides: { '2026-Q1': { dueDate: '2026-03-20' } } }, 'Unknown setting “dueDate”'],
    [
      { overrides: { '2026-Q1': { due: '2026-03-13' } } },
      'Hạn nộp kỳ 2026-Q1 (2026-03-13) sớm hơn ngày kết thúc chốt số liệu (2026-03-14)',
    ],
    [
      { overrides: { '2026-Q1': { cutoff: { from: '2026-03-14', to: '2026-03-01' } } } },
      'không được sau ngày kết thúc',
    ],
    [
      { overrides: { '2026-q1': { graceDays: 1 }, '2026-Q1': { graceDays: 2 } } },
      'Kỳ 2026-Q1 được cài đặt hai lần / Period 2026-Q1 is set twice',
    ],
  ])('bad settings %j are refused: %s', (options, message) => {
    // biome-ignore lint/suspicious/noExplicitAny: deliberately wrong settings
    expect(() => getPeriod('2026-Q1', options as any)).toThrow(PeriodRulesError);
    // biome-ignore lint/suspicious/noExplicitAny: deliberately wrong settings
    expect(() => getPeriod('2026-Q1', options as any)).toThrow(message);
  });

  it('an override outside the year range is kept, not refused', () => {
    expect(getPeriod('2026-Q1', { overrides: { '2035-Q1': { graceDays: 1 } } }).graceDays).toBe(3);
  });

  it('days left count to the due date: 0 on the day, negative after', () => {
    const p = getPeriod('2026-Q1'); // due Tue 17/3/2026
    expect(daysLeft(p, '2026-03-10')).toBe(7);
    expect(daysLeft(p, '2026-03-17')).toBe(0);
    expect(daysLeft(p, '2026-03-19')).toBe(-2);
    expect(daysLeft(p, '2025-12-31')).toBe(76); // 31 (Jan) + 28 (Feb) + 17 (Mar)
    // Leap year: from 28/2/2024 to Mon 18/3/2024 passes 29/2 (1 + 18 days).
    expect(daysLeft(getPeriod('2024-Q1'), '2024-02-28')).toBe(19);
    expect(daysLeft(getPeriod('2025-Q1'), '2025-02-28')).toBe(18); // to Tue 18/3/2025
  });

  it.each([
    ['2025-12-01', 'not-yet-due'], // before the window
    ['2026-03-14', 'not-yet-due'], // last day of the cut-off window
    ['2026-03-15', 'due'],
    ['2026-03-17', 'due'], // the due date
    ['2026-03-18', 'in-grace'],
    ['2026-03-20', 'in-grace'], // the deadline
    ['2026-03-21', 'overdue'],
  ])('2026-Q1 on %s is %s', (date, status) => {
    expect(statusOn(getPeriod('2026-Q1'), date)).toBe(status);
  });

  it('a due date on the cut-off end is "due" on that day', () => {
    const p = getPeriod('2026-Q1', { overrides: { '2026-Q1': { due: '2026-03-14' } } });
    expect(statusOn(p, '2026-03-13')).toBe('not-yet-due');
    expect(statusOn(p, '2026-03-14')).toBe('due');
    expect(statusOn(p, '2026-03-15')).toBe('in-grace');
  });

  it('a malformed date is refused, not compared as text', () => {
    const p = getPeriod('2026-Q1');
    expect(() => statusOn(p, '2026-3-15')).toThrow(InvalidDateError);
    expect(() => daysLeft(p, '15/03/2026')).toThrow(/Ngày “15\/03\/2026” không hợp lệ/);
  });
});

describe('which period is open', () => {
  it.each([
    ['2020-05-01', '2022-Q1'], // before the plan: its first period
    ['2021-12-31', '2022-Q1'],
    ['2022-03-19', '2022-Q1'], // due Wed 16/3/2022 + 3: its deadline
    ['2022-03-20', '2022-H1'], // the day after
    ['2024-03-21', '2024-Q1'], // due Mon 18/3/2024 + 3
    ['2024-03-22', '2024-H1'],
    ['2025-12-19', '2025-Y'], // Sun 14/12/2025 → due Tue 16/12, deadline Fri 19/12
    ['2025-12-20', '2026-Q1'],
    ['2026-01-01', '2026-Q1'],
    ['2026-03-20', '2026-Q1'], // deadline of Q1 (due Tue 17/3 + 3)
    ['2026-03-21', '2026-H1'], // the day after: the six-month report
    ['2026-06-19', '2026-H1'], // due Tue 16/6 + 3
    ['2026-06-20', '2026-Q3'],
    ['2026-09-19', '2026-Q3'], // due Wed 16/9 + 3
    ['2026-09-20', '2026-Y'],
    ['2026-12-19', '2026-Y'], // Mon 14/12 → due Wed 16/12 + 3
    ['2026-12-20', '2027-Q1'],
    ['2030-12-20', '2030-Y'], // Sat 14/12/2030 → due Tue 17/12 + 3: the last deadline
  ])('on %s: %s', (date, code) => {
    expect(openPeriod(date)?.code).toBe(code);
  });

  it('none after the last period of the range', () => {
    expect(openPeriod('2030-12-21')).toBeUndefined();
    expect(openPeriod('2031-06-01')).toBeUndefined();
  });

  it('the schedule is a setting', () => {
    const quarterly = { schedule: ['Q1', 'Q2', 'Q3', 'Q4'] as const };
    expect(openPeriod('2026-03-21', quarterly)?.code).toBe('2026-Q2');
    expect(openPeriod('2026-12-19', quarterly)?.code).toBe('2026-Q4');
    const withNine = { schedule: ['Q1', 'H1', 'M9', 'Y'] as const };
    expect(openPeriod('2026-06-20', withNine)?.code).toBe('2026-M9');
  });

  it('overrides and the year range move it', () => {
    // No grace on Q1: it closes on its due date, Tue 17/3.
    const noGrace = { overrides: { '2026-Q1': { graceDays: 0 } } };
    expect(openPeriod('2026-03-17', noGrace)?.code).toBe('2026-Q1');
    expect(openPeriod('2026-03-18', noGrace)?.code).toBe('2026-H1');
    expect(openPeriod('2020-01-01', { firstYear: 2025 })?.code).toBe('2025-Q1');
    expect(openPeriod('2030-12-21', { lastYear: 2031 })?.code).toBe('2031-Q1');
  });

  it('the scheduled periods, in deadline order', () => {
    const s = scheduledPeriods();
    expect(s).toHaveLength(9 * 4);
    expect(s.slice(0, 5).map((p) => p.code)).toEqual([
      '2022-Q1',
      '2022-H1',
      '2022-Q3',
      '2022-Y',
      '2023-Q1',
    ]);
  });

  it('refuses a malformed date', () => {
    expect(() => openPeriod('2026-13-01')).toThrow(InvalidDateError);
  });
});

describe('periods whose cut-off window covers a date', () => {
  const codes = (date: string) => periodsCovering(date).map((p) => p.code);

  it.each([
    ['2021-12-14', []],
    ['2021-12-15', ['2022-Q1', '2022-H1', '2022-M9', '2022-Y']],
    ['2026-01-10', ['2026-Q1', '2026-H1', '2026-M9', '2026-Y']],
    ['2026-03-14', ['2026-Q1', '2026-H1', '2026-M9', '2026-Y']],
    ['2026-03-15', ['2026-H1', '2026-Q2', '2026-M9', '2026-Y']], // H1 and Q2 both due 16/6
    ['2026-06-15', ['2026-M9', '2026-Q3', '2026-H2', '2026-Y']], // M9, Q3 due 16/9
    ['2026-09-15', ['2026-H2', '2026-Q4', '2026-Y']],
    ['2026-12-14', ['2026-H2', '2026-Q4', '2026-Y']],
    ['2026-12-15', ['2027-Q1', '2027-H1', '2027-M9', '2027-Y']],
    ['2030-12-15', []],
  ])('%s: %j (by due date, then code)', (date, expected) => {
    expect(codes(date)).toEqual(expected);
  });
});

describe('dates', () => {
  it.each([
    ['2026-03-14T17:30:00Z', '2026-03-15'], // 00:30 on 15/3 in Vietnam
    ['2026-03-14T18:00:00Z', '2026-03-15'], // 01:00 on 15/3
    ['2026-03-14T16:59:59.999Z', '2026-03-14'],
    ['2026-03-14T17:00:00Z', '2026-03-15'],
    ['2026-03-15T01:00:00+07:00', '2026-03-15'],
    ['2025-12-31T17:00:00Z', '2026-01-01'],
    ['2024-02-28T18:00:00Z', '2024-02-29'],
  ])('vnToday(%s) is %s', (instant, date) => {
    expect(vnToday(new Date(instant))).toBe(date);
  });

  it('formats dd/mm/yyyy', () => {
    expect(formatViDate('2026-03-14')).toBe('14/03/2026');
    expect(formatViDate('2026-03-05')).toBe('05/03/2026');
    expect(() => formatViDate('2026-3-5')).toThrow(InvalidDateError);
  });

  it('recognises real calendar dates only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026-3-1')).toBe(false);
    expect(isIsoDate(' 2026-03-01')).toBe(false);
    expect(isIsoDate(20260301)).toBe(false);
  });

  it('builds dates with roll-over, and years below 100 are not read as 19xx', () => {
    expect(isoDate(2026, 1, 0)).toBe('2025-12-31');
    expect(isoDate(2024, 2, 30)).toBe('2024-03-01');
    expect(isoDate(50, 1, 1)).toBe('0050-01-01');
  });

  it('weekdays and working days', () => {
    expect(weekday('2026-03-14')).toBe(6); // Saturday
    expect(weekday('2026-03-16')).toBe(1); // Monday
    expect(addWorkingDays('2026-03-13', 1)).toBe('2026-03-16'); // Fri → Mon
    expect(addWorkingDays('2026-03-13', 5)).toBe('2026-03-20'); // Fri → next Fri
    expect(addWorkingDays('2026-03-14', 0)).toBe('2026-03-14');
  });
});

describe('periodName', () => {
  it('says the period as people do, the code second, in both languages', () => {
    expect(periodName('2026-Q1')).toEqual({
      vi: 'Quý I năm 2026 (2026-Q1)',
      en: 'Q1 2026 (2026-Q1)',
    });
    expect(periodName('2026-y')).toEqual({ vi: 'Năm 2026 (2026-Y)', en: 'Year 2026 (2026-Y)' });
    expect(periodName('2026-H1').vi).toBe('6 tháng đầu năm 2026 (2026-H1)');
  });

  it('gives a code that is not a period as it is', () => {
    expect(periodName('2026-Q9')).toEqual({ vi: '2026-Q9', en: '2026-Q9' });
  });
});
