// The columns of the progress sheet and what each fillable cell accepts.
// The add-in turns `input` into Excel data validation, the .xlsx template
// likewise, and the validator checks the same rules.

import type { Bilingual } from '../text/bilingual.ts';
import { TASK_ROLE_LABELS, TASK_STATUSES, type TaskStatus } from '../vocabulary/index.ts';

export const STATUSES = TASK_STATUSES;

export type StatusCode = TaskStatus;
export const STATUS_CODES = STATUSES.map((s) => s.code) as [StatusCode, ...StatusCode[]];

export const ROLE_LABELS = TASK_ROLE_LABELS;

export type CellInput =
  | { type: 'list'; values: readonly string[] }
  | { type: 'percent'; min: 0; max: 100 }
  | { type: 'text'; maxLength: number };

export type FixedKey = 'tt' | 'content' | 'role' | 'product' | 'timeline';
export type FillKey =
  | 'status'
  | 'percent'
  | 'result'
  | 'completedProducts'
  | 'difficulties'
  | 'proposals';
export type TextFillKey = Exclude<FillKey, 'status' | 'percent'>;

interface ColumnBase {
  header: Bilingual;
  /**
   * Excel column width in characters. The eleven sum to 153: at Excel's 8 px
   * a character (the template's Times New Roman 12 pt default) that is
   * 1,224 px, which A4 landscape between 0.3" margins (1,065 px) prints at
   * 87 %, so the 11 pt body prints at 9.5 pt (issue 14: ≥ 9 pt once fitted).
   * Widen one column only by narrowing another.
   */
  width: number;
}
export interface FixedColumn extends ColumnBase {
  key: FixedKey;
  fixed: true;
}
export interface FillColumn extends ColumnBase {
  key: FillKey;
  fixed: false;
  input: CellInput;
}
export type Column = FixedColumn | FillColumn;

/**
 * The number format of the free-text columns (input type 'text'): Excel's
 * Text format, built-in number format 49 in SpreadsheetML (ECMA-376 Part 1,
 * 18.8.30 numFmt). A General cell turns a typed "15/3/2026" into a date
 * serial and "100%" into 1; a Text cell keeps what was typed. Formats only:
 * no cell moves, so the layout version does not change.
 */
export const TEXT_NUMBER_FORMAT = '@';

/** True for a column whose cells are free text (results, products, difficulties, proposals). */
export const isTextColumn = (c: Column): c is FillColumn => !c.fixed && c.input.type === 'text';

export const TEXT_LIMITS: Record<TextFillKey, number> = {
  result: 4000,
  completedProducts: 2000,
  difficulties: 2000,
  proposals: 2000,
};

/** Left to right, starting at column A. */
export const COLUMNS: readonly Column[] = [
  { key: 'tt', fixed: true, header: { vi: 'TT', en: 'No.' }, width: 5 },
  { key: 'content', fixed: true, header: { vi: 'Nội dung công việc', en: 'Task' }, width: 25 },
  { key: 'role', fixed: true, header: { vi: 'Vai trò', en: 'Role' }, width: 9 },
  { key: 'product', fixed: true, header: { vi: 'Sản phẩm', en: 'Expected product' }, width: 13 },
  {
    key: 'timeline',
    fixed: true,
    header: { vi: 'Thời gian thực hiện', en: 'Timeline' },
    width: 10,
  },
  {
    key: 'status',
    fixed: false,
    header: { vi: 'Tình trạng', en: 'Status' },
    width: 11,
    input: { type: 'list', values: STATUSES.map((s) => s.vi) },
  },
  {
    key: 'percent',
    fixed: false,
    header: { vi: 'Tỷ lệ hoàn thành (%)', en: 'Completion (%)' },
    width: 7,
    input: { type: 'percent', min: 0, max: 100 },
  },
  {
    key: 'result',
    fixed: false,
    header: { vi: 'Kết quả thực hiện trong kỳ', en: 'Results in the period' },
    width: 26,
    input: { type: 'text', maxLength: TEXT_LIMITS.result },
  },
  {
    key: 'completedProducts',
    fixed: false,
    header: { vi: 'Sản phẩm đã hoàn thành', en: 'Products completed' },
    width: 13,
    input: { type: 'text', maxLength: TEXT_LIMITS.completedProducts },
  },
  {
    key: 'difficulties',
    fixed: false,
    header: { vi: 'Khó khăn, vướng mắc', en: 'Difficulties' },
    width: 17,
    input: { type: 'text', maxLength: TEXT_LIMITS.difficulties },
  },
  {
    key: 'proposals',
    fixed: false,
    header: { vi: 'Đề xuất, kiến nghị', en: 'Proposals' },
    width: 17,
    input: { type: 'text', maxLength: TEXT_LIMITS.proposals },
  },
];

/** 0-based index of each column from the table's left edge. */
export const COLUMN_INDEX = Object.fromEntries(COLUMNS.map((c, i) => [c.key, i])) as Record<
  FixedKey | FillKey,
  number
>;

/**
 * The fillable columns' keys, left to right: the fields of a Submission row an
 * agency writes (and a review note may point at), in the order the sheet shows them.
 */
export const FILL_KEYS = COLUMNS.filter((c): c is FillColumn => !c.fixed).map((c) => c.key) as [
  FillKey,
  ...FillKey[],
];
