// Number formats as Excel applies them, by SheetJS's SSF (the ECMA-376 format
// code engine inside @e965/xlsx): what a number looks like on screen, whether
// a format is a date, and whether its % is Excel's ×100. Only these three
// wrappers touch SSF, so its untyped API stays in one place.
import { SSF } from '@e965/xlsx';

interface Ssf {
  format(fmt: string, value: number, options?: { date1904?: boolean }): string;
  is_date(fmt: string): boolean;
  parse_date_code(
    value: number,
    options?: { date1904?: boolean },
  ): { y: number; m: number; d: number; H: number; M: number; S: number } | null;
}
const ssf = SSF as Ssf;

/**
 * A locale tag with no currency symbol (`[$-42A]`, `[$-409]`, `[$-F800]`)
 * only picks the language of month names; Excel shows nothing for it, but
 * SSF prints a "$". Tags with a symbol (`[$₫-42A]`) are kept.
 */
const LOCALE_ONLY_TAG = /\[\$-[0-9A-Fa-f]+\]/g;

/** Excel takes number formats of at most 255 characters; a longer one comes from no spreadsheet. */
const MAX_FORMAT_LENGTH = 255;

function usable(fmt: unknown): string {
  if (typeof fmt !== 'string' || fmt === '' || fmt === '@') return 'General';
  // Formatting costs grow with the code's length: an over-long one is not applied.
  if (fmt.length > MAX_FORMAT_LENGTH) return 'General';
  return fmt.replace(LOCALE_ONLY_TAG, '');
}

/**
 * `value` as Excel shows it in a cell with number format `fmt` (a format
 * code such as "General", "#,##0", `0.00"%"`; "@" and anything unreadable
 * count as General), e.g. 0.30000000000000004 → "0.3", 1234567 with "#,##0"
 * → "1,234,567"; a whole number under General keeps every digit. Separators are the format code's own (en-US), whatever the
 * viewer's locale, so every host gives the same text. Never throws: a format
 * SSF cannot apply gives the General form.
 */
export function displayNumber(value: number, fmt: unknown, date1904 = false): string {
  const f = usable(fmt);
  // Every digit of a whole number: General would show 123456789012 (an ID
  // number, say) as 1.23457E+11, losing digits no one meant to drop.
  if (f.toLowerCase() === 'general' && Number.isSafeInteger(value)) return String(value);
  try {
    return ssf.format(f, value, { date1904 }).trim();
  } catch {
    return ssf.format('General', value).trim();
  }
}

/** Elapsed-time brackets ([h]:mm, [mm]:ss): a duration, not a time of day. */
const ELAPSED = /\[(?:h+|m+|s+)\]/i;

/**
 * How a date or time format shows a serial: 'duration' for elapsed time
 * ([h]:mm shows 1.5 as 36:00); 'time' when it shows no calendar date (h:mm:
 * the same text for two different days); 'date' when it shows no time of
 * day (dd/mm/yyyy: the same text at 00:00 and 12:00); else 'datetime'.
 * Asked of SSF.
 */
export function dateFormatKind(fmt: string): 'date' | 'datetime' | 'time' | 'duration' {
  const f = usable(fmt);
  if (ELAPSED.test(f)) return 'duration';
  if (displayNumber(1.5, f) === displayNumber(40.5, f)) return 'time';
  return displayNumber(40, f) === displayNumber(40.5, f) ? 'date' : 'datetime';
}

/** Whether `fmt` shows a number as a date or time (SSF.is_date: quoted text and escapes do not count). */
export function isDateFormat(fmt: unknown): boolean {
  if (typeof fmt !== 'string') return false;
  try {
    return ssf.is_date(usable(fmt));
  } catch {
    return false;
  }
}

/** The numbers written in a displayed text ("Q1 45%" → 1 and 45), with their decimals. */
function numbersIn(shown: string): { value: number; decimals: number }[] {
  return [...shown.replace(/(\d),(?=\d{3}\b)/g, '$1').matchAll(/\d+(?:\.(\d+))?/g)].map((m) => ({
    value: Number(m[0]),
    decimals: m[1]?.length ?? 0,
  }));
}

/** Whether a displayed number (rounded to its decimals) is `x`. */
const shows = (n: { value: number; decimals: number }, x: number) =>
  Math.abs(n.value - Math.abs(x)) <= 0.5 * 10 ** -n.decimals + 1e-9;

/**
 * 100 when the section of `fmt` that applies to `value` carries Excel's
 * percent sign, which shows a number ×100 ("0%": 0.45 → "45%"); 1 when it
 * has none or its % is a literal (quoted `0"%"`, escaped `0\%`), which Excel
 * shows as typed (45 → "45%"). Decided by SSF itself: the cell as displayed
 * shows `value` × 100 and not `value` (sections picked by sign or by a
 * condition such as `[<=1]0%;0"%"`, and digits in literal text, are SSF's
 * concern); when the display shows neither (a rounded or scientific form),
 * by whether the format applied to 1 shows 100. Source: Microsoft, "Review
 * guidelines for customizing a number format" (a % multiplies by 100; ""
 * and \ make characters literal).
 */
export function percentScale(fmt: unknown, value = 1): 1 | 100 {
  if (typeof fmt !== 'string' || !fmt.includes('%')) return 1;
  const shown = numbersIn(displayNumber(value, fmt));
  const scaled = shown.some((n) => shows(n, value * 100));
  const plain = shown.some((n) => shows(n, value));
  if (scaled !== plain) return scaled ? 100 : 1;
  if (value !== 1) return percentScale(fmt, 1);
  return 1;
}

/** The calendar date and time of an Excel serial number, in the given date system; null if out of range. */
export function dateParts(serial: number, date1904: boolean) {
  try {
    return ssf.parse_date_code(serial, { date1904 });
  } catch {
    return null;
  }
}
