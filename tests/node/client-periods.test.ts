// The periods both apps list: the one preselected by the Worker's rule for
// the open period (scheduled kinds, deadline not passed), from the API's
// period list, grouped by year; the task pane's list of scheduled periods
// plus those the agency reported for or had reopened.
import { describe, expect, it } from 'vitest';
import type { PeriodItem } from '../../client/api.ts';
import { byYear, currentPeriod, listedPeriods } from '../../client/periods.ts';
import {
  DEFAULT_SCHEDULE,
  daysBetween,
  listPeriods,
  openPeriod,
} from '../../shared/periods/index.ts';
import { type PeriodLike, pickOpenPeriod, SCHEDULE } from '../../shared/periods/pick-open.ts';
import { NO_REPORT, type OwnReport } from './own-report.ts';

/** The periods as GET /api/periods lists them on a given day. */
function apiList(today: string): PeriodLike[] {
  return listPeriods().map((p) => ({
    code: p.code,
    year: p.year,
    kind: p.kind,
    due: p.due,
    graceDays: p.graceDays,
    daysLeft: daysBetween(today, p.due),
    own: null,
  }));
}

describe('pickOpenPeriod', () => {
  it('keeps the same schedule as shared/periods', () => {
    expect(SCHEDULE).toEqual([...DEFAULT_SCHEDULE]);
  });

  it('agrees with shared openPeriod() on every day of a year', () => {
    for (let d = new Date('2026-01-01T00:00:00Z'); d.getUTCFullYear() === 2026; ) {
      const today = d.toISOString().slice(0, 10);
      expect(pickOpenPeriod(apiList(today))?.code, today).toBe(openPeriod(today)?.code);
      d = new Date(d.getTime() + 86_400_000);
    }
  });

  it('prefers a period reopened for the agency once every deadline has passed', () => {
    const list = apiList('2031-06-01').map((p) => ({
      ...p,
      own: { reopened: p.code === '2027-Q3' },
    }));
    expect(pickOpenPeriod(list)?.code).toBe('2027-Q3');
    const none = apiList('2031-06-01');
    expect(pickOpenPeriod(none)?.code).toBe('2030-Y');
  });

  it('follows a due date the coordinator moved', () => {
    const list = apiList('2026-03-25').map((p) =>
      p.code === '2026-Q1' ? { ...p, due: '2026-03-30', daysLeft: 5 } : p,
    );
    expect(pickOpenPeriod(list)?.code).toBe('2026-Q1');
    expect(pickOpenPeriod(apiList('2026-03-25'))?.code).toBe('2026-H1');
  });

  it('is undefined for no periods', () => {
    expect(pickOpenPeriod([])).toBeUndefined();
  });
});

describe('byYear', () => {
  it('groups by year, years ascending, each by due date', () => {
    const groups = byYear(apiList('2026-01-01').filter((p) => p.year >= 2029));
    expect(groups.map(([y]) => y)).toEqual([2029, 2030]);
    for (const [, list] of groups) {
      const dues = list.map((p) => p.due);
      expect(dues).toEqual([...dues].sort());
      expect(list).toHaveLength(8);
    }
  });
});

// --- as the task pane sees them (an agency's key) ---------------------------

type Own = OwnReport;
const pv = (
  code: string,
  due: string,
  daysLeft: number,
  extra: { locked?: boolean; own?: Partial<Own> } = {},
): PeriodItem => ({
  code,
  year: Number(code.slice(0, 4)),
  kind: code.slice(5),
  scheduled: SCHEDULE.includes(code.slice(5)),
  label: { vi: code, en: code },
  due,
  deadline: due,
  daysLeft,
  graceDays: 3,
  locked: extra.locked ?? false,
  lockReason: null,
  cutoff: { from: '2026-01-01', to: '2026-03-14' },
  own: { ...NO_REPORT, ...extra.own },
  reopenings: [],
});

describe('the task pane’s periods', () => {
  it('preselects the first scheduled period not yet past its grace, locked or not', () => {
    const list = [
      pv('2026-H1', '2026-06-17', -40),
      pv('2026-Q3', '2026-09-16', -2),
      pv('2026-Y', '2026-12-16', 19),
    ];
    expect(pickOpenPeriod(list)?.code).toBe('2026-Q3'); // 2 days late, within the 3-day grace
    expect(
      pickOpenPeriod([
        pv('2026-Q3', '2026-09-16', -4),
        pv('2026-Y', '2026-12-16', 19, { locked: true }),
      ])?.code,
    ).toBe('2026-Y');
    // H2 and Q4 fall due with Y, but the district reports Q1, H1, Q3 and Y.
    expect(
      pickOpenPeriod([
        pv('2026-H2', '2026-12-16', 19),
        pv('2026-Q4', '2026-12-16', 19),
        pv('2026-Y', '2026-12-16', 19),
      ])?.code,
    ).toBe('2026-Y');
  });

  it('falls back to a period reopened for the agency, then to the latest one due', () => {
    expect(
      pickOpenPeriod([
        pv('2025-Y', '2025-12-17', -300),
        pv('2026-Q1', '2026-03-18', -200, { own: { reopened: true } }),
      ])?.code,
    ).toBe('2026-Q1');
    expect(
      pickOpenPeriod([pv('2025-Y', '2025-12-17', -300), pv('2026-Q1', '2026-03-18', -200)])?.code,
    ).toBe('2026-Q1');
    expect(pickOpenPeriod([])).toBeUndefined();
  });

  it('lists the scheduled periods by year, plus those the agency reported for or had reopened', () => {
    const listed = listedPeriods(
      [
        pv('2027-Q1', '2027-03-17', 100),
        pv('2026-Y', '2026-12-16', 19),
        pv('2026-Q4', '2026-12-16', 19),
        pv('2026-H2', '2026-12-16', 19, { own: { submitted: true } }),
        pv('2026-M9', '2026-09-16', -70, { own: { reopened: true } }),
        pv('2026-Q2', '2026-06-16', -160),
      ],
      '2026-Y',
    );
    expect([...listed].map(([y, l]) => [y, l.map((p) => p.code)])).toEqual([
      [2026, ['2026-M9', '2026-H2', '2026-Y']],
      [2027, ['2027-Q1']],
    ]);
  });

  it('lists by the Worker’s `scheduled` flag when it sends one', () => {
    const q2 = { ...pv('2026-Q2', '2026-06-16', -160), scheduled: true };
    const q1 = { ...pv('2026-Q1', '2026-03-18', -250), scheduled: false };
    expect([...listedPeriods([q1, q2], null)].map(([, l]) => l.map((p) => p.code))).toEqual([
      ['2026-Q2'],
    ]);
  });

  it('preselects the Worker’s `current`, else the same rule run here', () => {
    const list = [pv('2026-Q1', '2026-03-18', -200), pv('2026-Y', '2026-12-16', 19)];
    expect(currentPeriod({ periods: list, current: '2026-Q1' })?.code).toBe('2026-Q1');
    expect(currentPeriod({ periods: list, current: null })?.code).toBe('2026-Y');
    expect(currentPeriod({ periods: list })?.code).toBe('2026-Y');
    expect(currentPeriod({ periods: list, current: '2020-Q1' })?.code).toBe('2026-Y');
  });
});
