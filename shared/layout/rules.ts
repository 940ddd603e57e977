// The rule of each fillable column (COLUMNS[].input) over the task rows, as
// data validation: the .xlsx template writes it into the file, the add-in
// applies it through Office.js. One description, so both sheets behave alike.
import { rangeAddress } from './a1.ts';
import { COLUMNS } from './columns.ts';
import { FIRST_TASK_ROW, type SheetLayout } from './sheet.ts';

export interface InputRule {
  /** A1 range, e.g. 'F7:F24'. */
  range: string;
  type: 'list' | 'decimal' | 'textLength';
  /** For 'list': the allowed values. */
  values?: readonly string[];
  /** For numbers and lengths: between min and max inclusive. */
  min?: number;
  max?: number;
  errorTitle: string;
  error: string;
}

/** 4000 → "4.000", as Vietnamese writes numbers. */
const thousands = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');

export function inputRules(layout: SheetLayout): InputRule[] {
  if (!layout.tasks.length) return [];
  const out: InputRule[] = [];
  COLUMNS.forEach((c, i) => {
    if (c.fixed) return;
    const range = rangeAddress(FIRST_TASK_ROW, i + 1, layout.lastRow, i + 1);
    const input = c.input;
    if (input.type === 'list') {
      out.push({
        range,
        type: 'list',
        values: input.values,
        errorTitle: 'Tình trạng không hợp lệ',
        error: `Chọn một trong: ${input.values.join('; ')}.`,
      });
    } else if (input.type === 'percent') {
      out.push({
        range,
        type: 'decimal',
        min: input.min,
        max: input.max,
        errorTitle: 'Tỷ lệ không hợp lệ',
        error: `Nhập một số từ ${input.min} đến ${input.max} (không kèm dấu %).`,
      });
    } else {
      out.push({
        range,
        type: 'textLength',
        min: 0,
        max: input.maxLength,
        errorTitle: 'Nội dung quá dài',
        error: `“${c.header.vi}” tối đa ${thousands(input.maxLength)} ký tự.`,
      });
    }
  });
  return out;
}
