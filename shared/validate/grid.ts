// The grid under check: the cells Excel hands over (range.values, and
// optionally range.formulas, range.numberFormat and range.text of the same
// range), where
// each sits on the sheet, and the findings reported against them. Every
// check reads and reports through one CheckedGrid, so findings keep the
// order in which the checks run.
import { type CellReading, readCell } from '../cell/index.ts';
import { address } from '../layout/a1.ts';
import { COLUMN_INDEX } from '../layout/columns.ts';
import { isBlank } from './cells.ts';
import { type Finding, type FindingCode, type FindingParams, finding } from './findings.ts';

export interface GridInput {
  /** range.values: rows of strings, numbers, booleans ('' for empty). */
  values: unknown;
  /** range.formulas of the same range, to report formulas in fillable cells. */
  formulas?: unknown;
  /** range.numberFormat of the same range, to read percentages and dates as shown. */
  numberFormats?: unknown;
  /** range.text of the same range (what Excel displays), where the host gives it. */
  texts?: unknown;
  /** The workbook's date system, where the host knows it (shared/cell/date-text.ts). */
  date1904?: boolean;
  /** Address of values[0][0]; 'A1' when omitted. */
  origin?: string;
}

/** Grid column (0-based) of each layout column, once the table's TT column is known. */
export type ColumnPositions = Record<keyof typeof COLUMN_INDEX, number>;

/** columnsAt for the first grid columns, built once each. */
const COLUMNS_AT: (ColumnPositions | undefined)[] = new Array(16);

/** Where each layout column sits when the table's TT column is grid column `left`. */
export function columnsAt(left: number): ColumnPositions {
  let columns = COLUMNS_AT[left];
  if (!columns) {
    columns = Object.freeze(
      Object.fromEntries(Object.entries(COLUMN_INDEX).map(([k, i]) => [k, left + i])),
    ) as ColumnPositions;
    // The table mostly starts in one of the first columns: keep those.
    if (left < COLUMNS_AT.length) COLUMNS_AT[left] = columns;
  }
  return columns;
}

/** Any value as rows of cells: a non-array is no rows, a non-array row is an empty row. */
function asGrid(v: unknown): unknown[][] {
  if (!Array.isArray(v)) return [];
  return v.map((row) => (Array.isArray(row) ? row : []));
}

/**
 * The cells of one range, read by 0-based grid row and column (`r`, `c`);
 * `origin` is the 1-based sheet position of values[0][0]. Malformed input
 * (not arrays, ragged rows) reads as blank cells, never throws.
 */
export class CheckedGrid {
  readonly values: unknown[][];
  readonly formulas: unknown[][];
  readonly formats: unknown[][];
  readonly texts: unknown[][];
  readonly date1904: boolean | undefined;
  readonly origin: { row: number; col: number };
  /** Findings in the order the checks reported them. */
  readonly findings: Finding[] = [];

  constructor(input: GridInput | undefined, origin: { row: number; col: number }) {
    this.values = asGrid(input?.values);
    this.formulas = asGrid(input?.formulas);
    this.formats = asGrid(input?.numberFormats);
    this.texts = asGrid(input?.texts);
    this.date1904 = typeof input?.date1904 === 'boolean' ? input.date1904 : undefined;
    this.origin = origin;
  }

  /** A1 address on the sheet of grid cell (r, c). */
  at(r: number, c: number): string {
    return address(this.origin.row + r, this.origin.col + c);
  }

  cell(r: number, c: number): unknown {
    return this.values[r]?.[c];
  }

  /** Grid cell (r, c) as the person saw it (shared/cell/readCell). */
  read(r: number, c: number): CellReading {
    return readCell({
      value: this.values[r]?.[c],
      formula: this.formulas[r]?.[c],
      numberFormat: this.formats[r]?.[c],
      text: this.texts[r]?.[c],
      date1904: this.date1904,
    });
  }

  /** Reports `code` at grid cell (r, c); `params` fill its message. */
  add(
    code: FindingCode,
    r: number,
    c: number,
    params: FindingParams = {},
    extra: { field?: string; taskId?: string } = {},
  ): void {
    this.findings.push(finding(code, this.at(r, c), params, extra));
  }

  /** True when findings reported since `count` findings include an error. */
  errorsSince(count: number): boolean {
    for (let i = count; i < this.findings.length; i++) {
      if (this.findings[i]?.severity === 'error') return true;
    }
    return false;
  }

  isEmpty(): boolean {
    return !this.values.some((row) => row.some((v) => !isBlank(v)));
  }

  rowEmpty(r: number): boolean {
    return (this.values[r] ?? []).every(isBlank);
  }
}
