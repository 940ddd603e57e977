// The period the web page preselects: the Worker's rule for the open period
// (scheduled kinds, deadline not passed), from the API's period list.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SCHEDULE,
  daysBetween,
  listPeriods,
  openPeriod,
} from '../../shared/periods/index.ts';
import { byYear, type PeriodLike, pickOpenPeriod, SCHEDULE } from '../../web/src/periods.ts';

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
