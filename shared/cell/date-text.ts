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
 * Workbook.use1904DateSystem is not in a released API set): true when the
 * text holds the year the serial has in the 1904 system and not the year it
 * has in the 1900 system (four years apart), else false.
 */
export function shows1904Year(serial: number, text: string): boolean {
  const y1900 = dateParts(serial, false)?.y;
  const y1904 = dateParts(serial, true)?.y;
  if (y1900 === undefined || y1904 === undefined) return false;
  const has = (y: number) => new RegExp(`(?:^|\\D)(?:${y}|${pad(y % 100)})(?:\\D|$)`).test(text);
  return has(y1904) && !has(y1900);
}
