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

function usable(fmt: unknown): string {
  if (typeof fmt !== 'string' || fmt === '' || fmt === '@') return 'General';
  return fmt.replace(LOCALE_ONLY_TAG, '');
}

/**
 * `value` as Excel shows it in a cell with number format `fmt` (a format
 * code such as "General", "#,##0", `0.00"%"`; "@" and anything unreadable
 * count as General), e.g. 0.30000000000000004 → "0.3", 1234567 with "#,##0"
 * → "1,234,567". Separators are the format code's own (en-US), whatever the
 * viewer's locale, so every host gives the same text. Never throws: a format
 * SSF cannot apply gives the General form.
 */
export function displayNumber(value: number, fmt: unknown, date1904 = false): string {
  try {
    return ssf.format(usable(fmt), value, { date1904 }).trim();
  } catch {
    return ssf.format('General', value).trim();
  }
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

/**
 * 100 when `fmt` carries Excel's percent sign, which shows a number ×100
 * ("0%": 0.45 → "45%"); 1 when there is none or the % is a literal (quoted
 * `0"%"`, escaped `0\%`), which Excel shows as typed (45 → "45%"). Decided
 * by SSF itself: the format applied to 1 shows 100 exactly when it scales.
 * Source: Microsoft, "Review guidelines for customizing a number format"
 * (a % in the code multiplies by 100; "" and \ make characters literal).
 */
export function percentScale(fmt: unknown): 1 | 100 {
  if (typeof fmt !== 'string' || !fmt.includes('%')) return 1;
  const shown = displayNumber(1, fmt);
  const digits = /[0-9]+(?:[.,][0-9]+)?/.exec(shown)?.[0] ?? '';
  return Number(digits.replace(',', '.')) === 100 ? 100 : 1;
}

/** The calendar date and time of an Excel serial number, in the given date system; null if out of range. */
export function dateParts(serial: number, date1904: boolean) {
  try {
    return ssf.parse_date_code(serial, { date1904 });
  } catch {
    return null;
  }
}
