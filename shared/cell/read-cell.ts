// The one reading of a cell, shared by the task pane (what Excel's
// range.values, .formulas, .numberFormat and .text hand over) and uploads
// (the same grids built from the file by shared/workbook/): what the person
// saw in the cell, before any column's rule is applied.
import { shows1904Year, viDateText } from './date-text.ts';
import { dateFormatKind, displayNumber, isDateFormat, percentScale } from './number-format.ts';

/** What a host hands over for one cell. */
export interface HostCell {
  /**
   * range.values: a string, number or boolean, '' when empty, an error value
   * as its text ("#DIV/0!"). `null` is a formula whose value was never
   * computed (a file written by openpyxl or a script); Excel never hands it.
   */
  value: unknown;
  /** range.formulas: "=…" for a formula; absent when the host gives none. */
  formula?: unknown;
  /** range.numberFormat: the format code ("General", "0%", "dd/mm/yyyy"…). */
  numberFormat?: unknown;
  /** range.text: the text Excel displays, where the host gives it. */
  text?: unknown;
  /** The workbook's date system, where the host knows it (a file does; Excel's API does not). */
  date1904?: boolean;
}

/** A cell as the person saw it. */
export type CellReading =
  | { kind: 'blank' }
  | { kind: 'text'; text: string }
  /** `shown` as displayed (displayNumber); `scale` 100 under Excel's percent sign. */
  | { kind: 'number'; value: number; shown: string; scale: 1 | 100 }
  /** A number under a date or time format, `shown` as dd/mm/yyyy[ HH:MM] (date-text.ts). */
  | { kind: 'date'; value: number; shown: string }
  | { kind: 'boolean'; value: boolean; shown: string }
  /** An Excel error value (#VALUE!, #REF! …). */
  | { kind: 'error'; error: string }
  /** A picture placed in the cell: WPS's DISPIMG formula, or Excel's "Place in Cell" (#VALUE! without a formula). */
  | { kind: 'picture'; source: 'DISPIMG' | 'IMAGE' | '#VALUE!' }
  /** A formula whose value was never computed. */
  | { kind: 'uncomputed'; formula: string }
  /** Anything no host hands over for a cell (an object, NaN): `found` is a short printable form. */
  | { kind: 'other'; found: string };

const ERROR_VALUE =
  /^#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|PYTHON!|EXTERNAL!)$/i;

/** Whether `v` is one of Excel's error values, as range.values gives them. */
export function isExcelError(v: unknown): v is string {
  // An error value starts with '#' once trimmed: other text skips the pattern.
  return typeof v === 'string' && v.trimStart().startsWith('#') && ERROR_VALUE.test(v.trim());
}

/** WPS Office's picture-in-cell formula, `=_xlfn.DISPIMG("ID_…",1)` in the file. */
const DISPIMG = /\bDISPIMG\s*\(/i;
/** Excel's IMAGE function (a picture from the web in the cell), `=_xlfn.IMAGE(…)` in the file. */
const IMAGE = /\bIMAGE\s*\(/i;

/** The formula text of a cell, when it has one. */
export function formulaOf(cell: Pick<HostCell, 'formula'>): string | null {
  return typeof cell.formula === 'string' && cell.formula.startsWith('=') ? cell.formula : null;
}

/**
 * The cell as the person saw it:
 * - a formula never computed → `uncomputed` (whatever else is there);
 * - WPS's DISPIMG formula, Excel's IMAGE function, or #VALUE! with no
 *   formula (how Excel hands over, and files store, a picture placed in a
 *   cell) → `picture`;
 * - other error values → `error`; booleans → `boolean` ("TRUE"/"FALSE");
 * - a number under a date or time format (SSF.is_date) → `date`, in the
 *   workbook's date system: `date1904` when given, else read from the
 *   displayed `text` (shows1904Year), else the 1900 system; shown as
 *   dd/mm/yyyy (with HH:MM when the format shows a time and there is
 *   one), or HH:MM under a format that shows no date, or as displayed for
 *   elapsed time ([h]:mm);
 * - any other number → `number`, with its displayed form and percent scale
 *   (number-format.ts);
 * - text → `text` as given (no trimming or normalisation here);
 * - '', whitespace only, undefined, and null without a formula → `blank`;
 * - anything else → `other`.
 * Never throws.
 */
export function readCell(cell: HostCell): CellReading {
  const { value, numberFormat } = cell;
  const formula = formulaOf(cell);
  if (value === null && formula) return { kind: 'uncomputed', formula };
  if (formula && DISPIMG.test(formula)) return { kind: 'picture', source: 'DISPIMG' };
  if (formula && IMAGE.test(formula)) return { kind: 'picture', source: 'IMAGE' };
  if (isExcelError(value)) {
    const error = value.trim().toUpperCase();
    const placedPicture = error === '#VALUE!' && cell.formula !== undefined && !formula;
    return placedPicture ? { kind: 'picture', source: '#VALUE!' } : { kind: 'error', error };
  }
  if (typeof value === 'boolean')
    return { kind: 'boolean', value, shown: value ? 'TRUE' : 'FALSE' };
  if (typeof value === 'number' && Number.isFinite(value)) {
    if (typeof numberFormat === 'string' && isDateFormat(numberFormat)) {
      const date1904 =
        cell.date1904 ?? (typeof cell.text === 'string' && shows1904Year(value, cell.text));
      const kind = dateFormatKind(numberFormat);
      const day = Math.floor(value);
      const shown =
        kind === 'duration'
          ? displayNumber(value, numberFormat, date1904)
          : // What the format shows: the time alone, the day alone, or both.
            viDateText(kind === 'time' ? value - day : kind === 'date' ? day : value, date1904);
      // A serial no calendar holds (negative, past 9999): Excel shows ####.
      if (shown === null || shown === '') return { kind: 'other', found: String(value) };
      return { kind: 'date', value, shown };
    }
    return {
      kind: 'number',
      value,
      shown: displayNumber(value, numberFormat),
      scale: percentScale(numberFormat, value),
    };
  }
  if (typeof value === 'string') {
    if (value.trim() === '') return { kind: 'blank' };
    return { kind: 'text', text: value };
  }
  if (value === undefined || value === null) return { kind: 'blank' };
  return { kind: 'other', found: printable(value) };
}

/** A short printable form of any value, for messages. */
export function printable(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v === null || v === undefined) return '';
  try {
    return JSON.stringify(v)?.slice(0, 80) ?? typeof v;
  } catch {
    return typeof v;
  }
}
