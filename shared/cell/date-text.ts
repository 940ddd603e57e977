// Dates in cells as a Vietnamese reader writes them: dd/mm/yyyy, and the
// time (HH:MM, :SS when there are seconds) only when there is one. Excel
// keeps a date as a serial number counted from 1900 or, in a 1904-system
// workbook (old Mac Excel), from 1904: the same serial is a date 1,462 days
// (four years and a day) later in the second.
import { dateParts } from './number-format.ts';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The serial `serial` as "15/10/2026", "15/10/2026 08:30" or "08:30" (a
 * serial below 1 is a time of day only); null when it is no date (negative,
 * or past 9999). `date1904` is the workbook's date system (ECMA-376 Part 1,
 * §18.2.28 workbookPr/@date1904).
 */
export function viDateText(serial: number, date1904: boolean): string | null {
  if (!Number.isFinite(serial) || serial < 0) return null;
  const p = dateParts(serial, date1904);
  if (!p || p.y > 9999) return null;
  const time = p.H || p.M || p.S ? `${pad(p.H)}:${pad(p.M)}${p.S ? `:${pad(p.S)}` : ''}` : '';
  if (serial < 1) return time || '00:00';
  const date = `${pad(p.d)}/${pad(p.m)}/${p.y}`;
  return time ? `${date} ${time}` : date;
}

/**
 * Which date system the cell's displayed text shows, when the host gives the
 * text but not the workbook's setting (Excel's range.text, ExcelApi 1.1;
 * Workbook.use1904DateSystem is not in a released API set). The two systems
 * put the same serial four years and a day apart, so each is scored by the
 * numbers the text holds: its day of the month, and its year (four digits,
 * or two when the text has no four-digit year). True when the 1904 reading
 * explains more of them ("24/10/2028", "15-Oct" for a 1904 serial), false
 * on a tie or when the text shows neither (the 1900 system, Excel's default).
 */
export function shows1904Year(serial: number, text: string): boolean {
  const numbers = (text.match(/\d+/g) ?? []).map(Number);
  const fourDigit = /\d{4}/.test(text);
  const score = (date1904: boolean) => {
    const p = dateParts(serial, date1904);
    if (!p) return 0;
    const day = numbers.includes(p.d) ? 1 : 0;
    const year = numbers.includes(fourDigit ? p.y : p.y % 100) ? 2 : 0;
    return day + year;
  };
  return score(true) > score(false);
}
