// ISO 8601 date cells (`<c t="d"><v>2026-10-15T08:30:00</v></c>`, ECMA-376
// Part 1 §18.18.11 ST_CellType "d"; openpyxl and others write them). The
// reader parses with SheetJS's `cellDates: false` so that serial numbers stay
// exactly what the file holds; SheetJS then turns such a cell into an
// inexact serial with no date format (and a day off before 1900-03-01 or in
// the 1904 system). So the cells are found here, by a scan of the sheet's
// XML, and their text is turned into Excel's serial number exactly.

const CELL_DATE = /\bt\s*=\s*["']d["']/;
const ROW_OR_CELL = /<(?:[\w.-]+:)?(row|c)\b([^>]*)>/g;
const REF = /\br\s*=\s*["']([^"']*)["']/;
const VALUE = /<(?:[\w.-]+:)?v>([^<]*)</y;

/** "H15" → [row, column], 0-based; null when it is no cell reference. */
function cellRef(ref: string): [number, number] | null {
  const m = /^([A-Z]{1,3})(\d+)$/i.exec(ref);
  if (!m) return null;
  let col = 0;
  for (const ch of (m[1] ?? '').toUpperCase()) col = col * 26 + ch.charCodeAt(0) - 64;
  return [Number(m[2]) - 1, col - 1];
}

/**
 * The ISO date cells of a sheet's XML: "row,col" (0-based, as SheetJS's
 * dense rows) → the text of their <v>. Cells and rows without an `r`
 * follow the one before, as in SheetJS. One pass over the tags, and none
 * when the part has no `t="d"`.
 */
export function isoDateCells(xml: string): Map<string, string> {
  const found = new Map<string, string>();
  if (!CELL_DATE.test(xml)) return found;
  let row = -1;
  let col = -1;
  ROW_OR_CELL.lastIndex = 0;
  for (let m = ROW_OR_CELL.exec(xml); m; m = ROW_OR_CELL.exec(xml)) {
    const attrs = m[2] ?? '';
    const ref = REF.exec(attrs)?.[1];
    if (m[1] === 'row') {
      row = ref && /^\d+$/.test(ref) ? Number(ref) - 1 : row + 1;
      col = -1;
      continue;
    }
    const at = ref ? cellRef(ref) : null;
    if (at) [row, col] = at;
    else col++;
    if (!CELL_DATE.test(attrs) || attrs.trimEnd().endsWith('/')) continue;
    VALUE.lastIndex = ROW_OR_CELL.lastIndex;
    const v = VALUE.exec(xml)?.[1];
    if (v !== undefined) found.set(`${row},${col}`, v.trim());
  }
  return found;
}

const ISO =
  /^(?:(\d{4})-(\d{2})-(\d{2}))?(?:T?(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;
const DAY_MS = 86_400_000;

/** Days from 1970-01-01 to the given day of the proleptic Gregorian calendar; zone-free. */
function epochDay(y: number, m: number, d: number): number {
  return new Date(0).setUTCFullYear(y, m - 1, d) / DAY_MS;
}

export interface IsoSerial {
  /** Excel's serial number in the workbook's date system. */
  serial: number;
  /** Whether the text has a date, a time of day, or both. */
  date: boolean;
  time: boolean;
}

/**
 * An ISO 8601 date, time or date-time ("2026-10-15", "08:30", "2026-10-15T08:30:00.5")
 * → Excel's serial number, exact to the millisecond: days since 1899-12-31 in
 * the 1900 date system, counting Excel's fictitious 1900-02-29 (serial 60;
 * ECMA-376 Part 1 §18.17.4.1), so a day before 1900-03-01 is one less than
 * the calendar gives; days since 1904-01-01 in the 1904 system. A time alone
 * is the fraction of a day (serial 0 plus the time). A zone designator is
 * dropped: a serial has no zone, and the wall-clock time written is what the
 * person typed. Null for text that is not such a date or names no real day.
 */
export function isoSerial(text: string, date1904: boolean): IsoSerial | null {
  const m = ISO.exec(text);
  if (!m || (m[1] === undefined && m[4] === undefined)) return null;
  const [y, mo, d, h, mi, s] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0)) as number[];
  const ms = Math.round(Number(`0.${m[7] ?? '0'}`) * 1000);
  if (h === undefined || mi === undefined || s === undefined) return null;
  if (h > 24 || mi > 59 || s > 59 || (h === 24 && (mi > 0 || s > 0 || ms > 0))) return null;
  let days = 0;
  if (m[1] !== undefined && y !== undefined && mo !== undefined && d !== undefined) {
    const day = epochDay(y, mo, d);
    // A day the calendar would roll over (2026-02-30) names no real day.
    if (mo < 1 || mo > 12 || d < 1 || day >= epochDay(y, mo + 1, 1)) return null;
    if (date1904) days = day - epochDay(1904, 1, 1);
    else days = day - epochDay(1899, 12, 31) + (day >= epochDay(1900, 3, 1) ? 1 : 0);
  }
  const msOfDay = ((h * 60 + mi) * 60 + s) * 1000 + ms;
  // One division of exact integers: the double nearest the true serial.
  return {
    serial: (days * DAY_MS + msOfDay) / DAY_MS,
    date: m[1] !== undefined,
    time: m[4] !== undefined,
  };
}
