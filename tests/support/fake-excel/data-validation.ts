// Range.dataValidation (Office.js: Excel.DataValidation, ExcelApi 1.8; the
// add-in sets it only where the host has 1.8). clear() removes the range's
// validation ("Clears the data validation from the current range."); rule
// and errorAlert are kept per range address. Like any change to a protected
// sheet they fail at the next sync (Context.guard).
import type { Range } from './range.ts';

/** The data validation proxy of `range`. */
export function dataValidation(range: Range) {
  const entry = () => {
    let e = range.sheet.validations.find((v) => v.range === range.where);
    if (!e) {
      e = { range: range.where, rule: undefined };
      range.sheet.validations.push(e);
    }
    return e;
  };
  return {
    clear: () => {
      if (!range.ctx.guard(range.sheet, 'dataValidation')) return;
      range.sheet.validations = range.sheet.validations.filter((v) => v.range !== range.where);
    },
    set rule(r: unknown) {
      if (!range.ctx.guard(range.sheet, 'dataValidation')) return;
      entry().rule = r;
      range.ctx.excel.record({
        op: 'validation',
        sheet: range.sheet.name,
        range: range.where,
        detail: r,
      });
    },
    set errorAlert(a: unknown) {
      if (!range.ctx.guard(range.sheet, 'dataValidation')) return;
      entry().errorAlert = a;
    },
  };
}
