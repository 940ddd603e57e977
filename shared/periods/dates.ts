// Calendar dates as ISO strings (YYYY-MM-DD). All arithmetic is on UTC
// midnights so that no machine's time zone or DST can shift a day; with
// four-digit years, string order is date order, so dates compare with < and >.

import type { Bilingual } from '../text/bilingual.ts';

/** A calendar date, `YYYY-MM-DD` (four-digit year). */
export type IsoDate = string;

const DAY_MS = 86_400_000;
// Vietnam is UTC+7 all year: no daylight saving time.
const VN_OFFSET_MS = 7 * 3_600_000;

function fromDate(d: Date): IsoDate {
  return d.toISOString().slice(0, 10);
}

function toTime(date: IsoDate): number {
  return Date.parse(`${assertIsoDate(date)}T00:00:00Z`);
}

/** The date for a year, a month (1–12) and a day; out-of-range days roll over (31/4 → 1/5). */
export function isoDate(year: number, month: number, day: number): IsoDate {
  const d = new Date(0);
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0–99 as 1900–1999.
  d.setUTCFullYear(year, month - 1, day);
  return fromDate(d);
}

/** True for a real calendar date in `YYYY-MM-DD` form (2026-02-29 is not one). */
export function isIsoDate(v: unknown): v is IsoDate {
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const [y, m, d] = v.split('-').map(Number) as [number, number, number];
  return isoDate(y, m, d) === v;
}

/** The bilingual message for a value that is not an ISO date (also IsoDateSchema's). */
export function dateMessage(v: unknown): Bilingual {
  const shown = typeof v === 'string' ? `“${v}”` : String(v);
  return {
    vi: `Ngày ${shown} không hợp lệ; dạng đúng: năm-tháng-ngày, ví dụ 2026-03-14`,
    en: `Date ${shown} is invalid; expected YYYY-MM-DD, e.g. 2026-03-14`,
  };
}

export class InvalidDateError extends Error {
  constructor(value: unknown) {
    const m = dateMessage(value);
    super(`${m.vi} / ${m.en}`);
    this.name = 'InvalidDateError';
  }
}

/** Returns the date unchanged, or throws: a bad date must not compare silently as a string. */
export function assertIsoDate(v: unknown): IsoDate {
  if (!isIsoDate(v)) throw new InvalidDateError(v);
  return v;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDate(new Date(toTime(date) + days * DAY_MS));
}

/** Whole days from `a` to `b` (negative when b is earlier). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((toTime(b) - toTime(a)) / DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: IsoDate): number {
  return new Date(toTime(date)).getUTCDay();
}

/**
 * Monday to Friday. Public holidays (Tết, 30/4, 1/5, 2/9 …) are not known
 * here: their dates move with the lunar calendar and yearly government
 * decisions, so a due date that falls on one is overridden per period.
 */
export function isWorkingDay(date: IsoDate): boolean {
  const w = weekday(date);
  return w !== 0 && w !== 6;
}

/** The n-th working day after `date` (n = 0 gives `date` itself, whatever day it is). */
export function addWorkingDays(date: IsoDate, n: number): IsoDate {
  let d = assertIsoDate(date);
  for (let left = n; left > 0; ) {
    d = addDays(d, 1);
    if (isWorkingDay(d)) left--;
  }
  return d;
}

/**
 * Today's calendar date in Vietnam at an instant: a clerk at 01:00 on 15/3
 * local time is on 15/3 although UTC still says 14/3. Throws a RangeError for
 * an invalid Date.
 */
export function vnToday(now: Date): IsoDate {
  return fromDate(new Date(now.getTime() + VN_OFFSET_MS));
}

/** 14/03/2026, as Vietnamese documents print dates. */
export function formatViDate(date: IsoDate): string {
  const [y, m, d] = assertIsoDate(date).split('-');
  return `${d}/${m}/${y}`;
}
