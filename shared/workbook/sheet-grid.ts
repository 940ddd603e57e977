// One worksheet as SheetJS parsed it → the grids Excel hands the add-in for
// the sheet's used range (getUsedRange(valuesOnly)): `values` (strings,
// numbers, booleans, error values as "#DIV/0!", '' for empty; dates as
// serial numbers in the workbook's date system, exactly as the file holds
// them (ISO date cells converted by iso-dates.ts); null for a formula whose
// value was never computed, which Excel would compute), `formulas` ("=…"
// where a cell has a formula, else its value), `numberFormat` ("General"
// unless the cell has another) and the range's top-left address.
import type { CellObject, WorkSheet } from '@e965/xlsx';
import { isDateFormat } from '../cell/number-format.ts';
import { address } from '../layout/a1.ts';
import { pickMetadataCell } from '../layout/metadata.ts';
import { isoSerial } from './iso-dates.ts';

/** A cell's value as Excel hands it over; null only for a formula never computed. */
export type GridValue = string | number | boolean | null;

export interface SheetGrid {
  values: GridValue[][];
  formulas: GridValue[][];
  numberFormats: string[][];
  /** Address of values[0][0], e.g. "A1". */
  origin: string;
  /** The workbook's date system (workbookPr/@date1904). */
  date1904: boolean;
}

/**
 * An ISO date cell (`t="d"`, iso-dates.ts) as Excel hands it over: its exact
 * serial, with the cell's own number format when that is a date format,
 * else the ISO form Excel would show (such cells usually carry no format):
 * 'yyyy-mm-dd', 'yyyy-mm-dd hh:mm:ss' with a time, 'hh:mm:ss' for a time
 * alone. Text that is no ISO date stays text.
 */
function isoCell(c: CellObject | undefined, text: string, date1904: boolean) {
  const iso = isoSerial(text, date1904);
  if (!iso) return { value: text, numberFormat: 'General' };
  const own = typeof c?.z === 'string' && isDateFormat(c.z) ? c.z : null;
  const iso8601 = iso.date ? (iso.time ? 'yyyy-mm-dd hh:mm:ss' : 'yyyy-mm-dd') : 'hh:mm:ss';
  return { value: iso.serial, numberFormat: own ?? iso8601 };
}

/** Error codes as SheetJS stores them (cell.v) → the text Excel shows. */
const ERROR_TEXT: Record<number, string> = {
  0: '#NULL!',
  7: '#DIV/0!',
  15: '#VALUE!',
  23: '#REF!',
  29: '#NAME?',
  36: '#NUM!',
  42: '#N/A',
  43: '#GETTING_DATA',
};

/**
 * The cell's value as Excel's range.values gives it (the reader parses with
 * `cellDates: false`, so a date is the serial number the file holds); null
 * for a formula with no saved value; undefined when the cell has neither.
 */
function cellValue(c: CellObject): GridValue | undefined {
  switch (c.t) {
    case 's':
      return typeof c.v === 'string' ? c.v : String(c.v ?? '');
    case 'n':
      return typeof c.v === 'number' ? c.v : undefined;
    case 'b':
      return typeof c.v === 'boolean' ? c.v : undefined;
    case 'e':
      return c.w ?? ERROR_TEXT[c.v as number] ?? '#VALUE!';
    case 'd':
      // Not made under cellDates: false; ISO date cells are read by iso-dates.ts.
      return String(c.v);
    default:
      // 'z': a stub; with a formula, one whose value was never computed.
      return c.f ? null : undefined;
  }
}

const hasContent = (c: CellObject | undefined): c is CellObject => {
  if (!c) return false;
  if (c.f) return true;
  const v = cellValue(c);
  return v !== undefined && v !== '';
};

/**
 * The dense cell rows of a sheet (the reader parses with `dense: true`), as
 * SheetJS holds them: sparse, a row or cell never written is a hole (or
 * undefined). Not copied: one cell at row 1,048,576 makes the array that
 * long, and a copy (`map`) of it took 8 MB and ~30 ms per such sheet.
 */
export function cellRows(ws: WorkSheet): (CellObject[] | undefined)[] {
  return (ws as { '!data'?: (CellObject[] | undefined)[] })['!data'] ?? [];
}

/** Beyond this length an array is walked by its keys: SheetJS's rows and cells are sparse. */
const SHORT = 1024;

/**
 * Calls `visit` with each element `a` holds and its index, ascending, holes
 * skipped, until it returns true (then true). A short array is walked by
 * index; a long one by its keys, since forEach or a loop visits every index
 * of a sparse array a million long (SheetJS makes one for a single cell at
 * row 1,048,576, or a row 16,384 long for one at column XFD), and a copy
 * allocates them all.
 */
function someElement<T>(a: readonly T[], visit: (v: T, i: number) => boolean): boolean {
  if (a.length <= SHORT) return a.some(visit);
  for (const key of Object.keys(a)) {
    const i = Number(key);
    if (Number.isInteger(i) && visit(a[i] as T, i)) return true;
  }
  return false;
}

export interface Bounds {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** 0-based bounds of the cells with a value or a formula; null for an empty sheet. */
export function usedBounds(rows: (CellObject[] | undefined)[]): Bounds | null {
  let b: Bounds | null = null;
  someElement(rows, (row, r) =>
    someElement(row ?? [], (c, col) => {
      if (!hasContent(c)) return false;
      if (!b) b = { top: r, left: col, bottom: r, right: col };
      else {
        b.top = Math.min(b.top, r);
        b.left = Math.min(b.left, col);
        b.bottom = Math.max(b.bottom, r);
        b.right = Math.max(b.right, col);
      }
      return false;
    }),
  );
  return b;
}

/**
 * The metadata cell in the first `searchRows` rows of the used range
 * (layout/metadata.ts pickMetadataCell: the first exact one row by row, else
 * the first that looks like one), with its text; null when none.
 */
export function findMetadataCell(
  rows: (CellObject[] | undefined)[],
  bounds: Bounds,
  searchRows: number,
): { row: number; col: number; text: string } | null {
  function* cells() {
    for (let r = bounds.top; r <= bounds.bottom && r < bounds.top + searchRows; r++) {
      const row = rows[r] ?? [];
      for (let col = bounds.left; col < row.length; col++) {
        const c = row[col];
        const text = c ? cellValue(c) : undefined;
        if (typeof text === 'string') yield { row: r, col, text };
      }
    }
  }
  return pickMetadataCell(cells(), (c) => c.text);
}

/** The first cell with content (row by row) that lies `rows` × `columns` or more from the top-left. */
export function firstOutside(
  rows: (CellObject[] | undefined)[],
  b: Bounds,
  maxRows: number,
  maxColumns: number,
): string | null {
  let found: string | null = null;
  someElement(rows, (row, r) => {
    if (r < b.top || r > b.bottom || !row) return false;
    return someElement(row, (c, col) => {
      const outside = r - b.top >= maxRows || col - b.left >= maxColumns;
      if (col < b.left || !outside || !hasContent(c)) return false;
      found = address(r + 1, col + 1);
      return true;
    });
  });
  return found;
}

/**
 * The used range as the three grids of the same size; `date1904` is the
 * workbook's date system, `isoDates` the sheet's ISO date cells ("row,col",
 * 0-based → their text; iso-dates.ts).
 */
export function toGrid(
  rows: (CellObject[] | undefined)[],
  b: Bounds,
  date1904: boolean,
  isoDates: ReadonlyMap<string, string> = new Map(),
): SheetGrid {
  const values: GridValue[][] = [];
  const formulas: GridValue[][] = [];
  const numberFormats: string[][] = [];
  for (let r = b.top; r <= b.bottom; r++) {
    const row = rows[r] ?? [];
    const vs: GridValue[] = [];
    const fs: GridValue[] = [];
    const nfs: string[] = [];
    for (let col = b.left; col <= b.right; col++) {
      const c = row[col];
      const isoText = isoDates.get(`${r},${col}`);
      const iso = isoText === undefined ? null : isoCell(c, isoText, date1904);
      const v = iso ? iso.value : c ? cellValue(c) : undefined;
      vs.push(v === undefined ? '' : v);
      fs.push(c?.f ? `=${c.f}` : (v ?? ''));
      nfs.push(iso ? iso.numberFormat : typeof c?.z === 'string' ? c.z : 'General');
    }
    values.push(vs);
    formulas.push(fs);
    numberFormats.push(nfs);
  }
  return { values, formulas, numberFormats, origin: address(b.top + 1, b.left + 1), date1904 };
}
