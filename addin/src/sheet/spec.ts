// What "Tạo biểu mẫu" writes: the one layout of shared/layout turned into a
// plain description of a worksheet (values, merges, formats, unlocked cells,
// rules). The Office module applies it in one batch; tests read it directly.
import {
  COLUMNS,
  FIRST_TASK_ROW,
  HEADER_ROW,
  type InputRule,
  inputRules,
  isTextColumn,
  layoutToGrid,
  META_LOOK,
  META_ROW,
  rangeAddress,
  type SheetLayout,
  type TaskRowLayout,
  TEXT_NUMBER_FORMAT,
  TITLE_ROWS,
} from '../../../shared/layout/index.ts';
import type { FillCells } from '../../../shared/submission/to-grid.ts';

export interface CellFormat {
  range: string;
  bold?: boolean;
  italic?: boolean;
  size?: number;
  color?: string;
  fill?: string;
  wrap?: boolean;
  horizontal?: 'Left' | 'Center';
  vertical?: 'Top' | 'Center';
  border?: boolean;
}

export interface SheetSpec {
  name: string;
  /** The range `values` covers, from A1. */
  range: string;
  values: (string | number | boolean)[][];
  merges: string[];
  /** Column widths in characters, from column A. */
  widths: number[];
  formats: CellFormat[];
  /**
   * Number formats of the task rows' free-text columns ('@': what is typed
   * stays text), each an array of the range's shape as Range.numberFormat takes.
   */
  numberFormats: { range: string; numberFormat: string[][] }[];
  /** The only cells left editable once the sheet is protected. */
  unlocked: string | null;
  rules: InputRule[];
  /** Rows frozen at the top (title to header). */
  freezeRows: number;
  /**
   * Rows of tasks: fitted to their text (Excel's AutoFit), which leaves them
   * free to grow as an agency types, as the .xlsx template's rows do.
   */
  taskRows: string | null;
}

/** The sheet for `layout`; `fill` gives each task's fillable cells (a carried-forward start), blank without it. */
export function sheetSpec(
  layout: SheetLayout,
  fill?: (task: TaskRowLayout) => FillCells,
): SheetSpec {
  const n = layout.columnCount;
  const row = (r: number) => rangeAddress(r, 1, r, n);
  const body = layout.tasks.length ? rangeAddress(FIRST_TASK_ROW, 1, layout.lastRow, n) : null;
  const numberFormats = body
    ? COLUMNS.flatMap((c, i) =>
        isTextColumn(c)
          ? [
              {
                range: rangeAddress(FIRST_TASK_ROW, i + 1, layout.lastRow, i + 1),
                numberFormat: Array.from({ length: layout.lastRow - FIRST_TASK_ROW + 1 }, () => [
                  TEXT_NUMBER_FORMAT,
                ]),
              },
            ]
          : [],
      )
    : [];
  const formats: CellFormat[] = [
    { range: 'A1', bold: true, size: 14, horizontal: 'Center', vertical: 'Center', wrap: true },
    { range: 'A2', bold: true, size: 12, horizontal: 'Center', vertical: 'Center', wrap: true },
    { range: rangeAddress(3, 1, TITLE_ROWS, 1), size: 12, vertical: 'Center', wrap: true },
    {
      range: `A${META_ROW}`,
      italic: META_LOOK.italic,
      size: META_LOOK.size,
      color: `#${META_LOOK.color}`,
    },
    {
      range: row(HEADER_ROW),
      bold: true,
      fill: '#F2F2F2',
      wrap: true,
      horizontal: 'Center',
      vertical: 'Center',
      border: true,
    },
  ];
  if (body) {
    formats.push({ range: body, wrap: true, vertical: 'Top', border: true });
    COLUMNS.forEach((c, i) => {
      const col = rangeAddress(FIRST_TASK_ROW, i + 1, layout.lastRow, i + 1);
      if (c.fixed) formats.push({ range: col, fill: '#F2F2F2' });
      if (c.key === 'tt' || c.key === 'role' || c.key === 'status' || c.key === 'percent') {
        formats.push({ range: col, horizontal: 'Center' });
      }
    });
  }
  return {
    name: layout.sheetName,
    range: rangeAddress(1, 1, layout.lastRow, n),
    values: layoutToGrid(layout, fill),
    merges: [...Array.from({ length: TITLE_ROWS }, (_, i) => row(i + 1)), row(META_ROW)],
    widths: COLUMNS.map((c) => c.width),
    formats,
    numberFormats,
    unlocked: layout.ranges.fill,
    rules: inputRules(layout),
    freezeRows: HEADER_ROW,
    taskRows: body,
  };
}
