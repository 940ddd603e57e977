// The workbook model the writer takes: plain data, nothing of D1 or HTTP.
// Rows and columns are 1-based, as in Excel.

export type CellValue = string | number | boolean | null;

export interface Font {
  /** Default 'Times New Roman' (Decree 30/2020 documents). */
  name?: string;
  /** Points; default 12. */
  size?: number;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  /** RGB hex without '#', e.g. '595959'. */
  color?: string;
}

export interface Style {
  font?: Font;
  /** Solid fill, RGB hex without '#'. */
  fill?: string;
  /** Thin border on all four sides. */
  border?: boolean;
  horizontal?: 'left' | 'center' | 'right';
  vertical?: 'top' | 'center' | 'bottom';
  wrap?: boolean;
  /** Excel number format code, e.g. '0' or '0.0'. */
  numberFormat?: string;
  /** Cell protection when the sheet is protected; Excel's default is locked. */
  locked?: boolean;
}

export interface Cell {
  value: CellValue;
  style?: Style;
}

export interface Row {
  /** 1-based row number; rows may be sparse but must be given in ascending order. */
  index: number;
  /** Cells from column A; null or undefined leaves a cell out. */
  cells: (Cell | null | undefined)[];
  /** Height in points; Excel's auto height when omitted. */
  height?: number;
  /**
   * With `height`: where the row starts, not a fixed height. The row is
   * written without customHeight (ECMA-376 Part 1 §18.3.1.73), so Excel fits
   * it to its text again when a cell in it is edited; LibreOffice, and Excel
   * on opening, show `height` as written. Without it the height is fixed.
   */
  grows?: boolean;
}

export interface DataValidation {
  /** A1 range, e.g. 'F7:F24'. */
  range: string;
  type: 'list' | 'decimal' | 'whole' | 'textLength';
  /** For 'list': the allowed values (joined into an inline list, ≤ 255 characters). */
  values?: readonly string[];
  /** For numbers/lengths: between min and max inclusive. */
  min?: number;
  max?: number;
  allowBlank?: boolean;
  errorTitle?: string;
  error?: string;
  promptTitle?: string;
  prompt?: string;
}

export interface PrintSetup {
  orientation?: 'portrait' | 'landscape';
  /** Paper: A4 only for now (Decree 30). */
  paper?: 'A4';
  /** Fit all columns on one page width (height unlimited, unless fitToHeight). */
  fitToWidth?: boolean;
  /** With fitToWidth: the whole sheet on one page (a one-page document). */
  fitToHeight?: boolean;
  /** Rows repeated at the top of each printed page, e.g. [6, 6]. */
  repeatRows?: [number, number];
  /** Margins in inches. */
  margins?: { left: number; right: number; top: number; bottom: number };
  /**
   * The footer of every printed page, in SpreadsheetML's header and footer
   * codes (ECMA-376 Part 1 §18.3.1.46 oddFooter): "&C" centres what follows,
   * "&P" is the page number, "&N" the number of pages.
   */
  footer?: string;
}

/** A cell note (Excel's "Note"): hidden until the pointer rests on the cell. */
export interface Note {
  /** A1 address, e.g. 'F7'. */
  cell: string;
  text: string;
}

export interface Sheet {
  /** ≤ 31 characters, none of : \ / ? * [ ] (checked by the writer). */
  name: string;
  rows: Row[];
  /** Column widths in characters, from column A. */
  columns?: { width: number }[];
  /** A1 ranges to merge, e.g. 'A1:K1'. */
  merges?: string[];
  /** Freeze the rows above and the columns left of this cell, e.g. { row: 7, col: 1 } freezes rows 1–6. */
  freeze?: { row: number; col: number };
  print?: PrintSetup;
  dataValidations?: DataValidation[];
  /** Protect the sheet: only cells with style.locked === false can be edited. */
  protect?: boolean;
  /** Sheet tab hidden from the user (e.g. lists for validations). */
  hidden?: boolean;
  /** Cell notes, at most one per cell. */
  notes?: Note[];
  /**
   * Manual page breaks: each number is a row that starts a new printed page
   * (ECMA-376 Part 1 §18.3.1.73 rowBreaks), ascending.
   */
  rowBreaks?: number[];
}

export interface Workbook {
  sheets: Sheet[];
  /** Document properties. */
  title?: string;
  creator?: string;
  /**
   * Which cells and rows carry their reference (`<c r="E8">`, `<row r="8">`):
   * every one ('all', the default), or only a cell after a skipped column
   * or not starting in A, and a row after a skipped row ('gaps';
   * SpreadsheetML reads a <c> without one as the next column, the first of
   * a row as A, and a <row> without one as the next row: ECMA-376 Part 1
   * §18.3.1.4, §18.3.1.73). 'gaps' takes a third off what deflate is
   * given for a sheet of texts, whose row and column numbers barely
   * compress (and deflate spends longest on them): for files only read by
   * people and other applications, not those that come back to be read
   * (templates), whose tests find cells by reference.
   */
  cellRefs?: 'all' | 'gaps';
}
