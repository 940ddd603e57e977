// Calendar dates as ISO strings (YYYY-MM-DD), computed in UTC so that no
// machine's time zone can shift a day. Vietnam is UTC+7 all year (no DST).

export type IsoDate = string;

const VN_OFFSET_MS = 7 * 60 * 60 * 1000;

export function isoDate(year: number, month: number, day: number): IsoDate {
  return new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
}

export function isIsoDate(v: unknown): v is IsoDate {
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const [y, m, d] = v.split('-').map(Number) as [number, number, number];
  return isoDate(y, m, d) === v;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const t = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** Whole days from `a` to `b` (negative when b is earlier). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: IsoDate): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** The n-th working day (Mon–Fri) after `date`. Public holidays are not known here. */
export function addWorkingDays(date: IsoDate, n: number): IsoDate {
  let d = date;
  let left = n;
  while (left > 0) {
    d = addDays(d, 1);
    const w = weekday(d);
    if (w !== 0 && w !== 6) left--;
  }
  return d;
}

/** Today's calendar date in Vietnam for an instant. */
export function vnToday(now: Date): IsoDate {
  return new Date(now.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);
}

/** 14/03/2026, as Vietnamese documents print dates. */
export function formatViDate(date: IsoDate): string {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}
