// A stand-in for the slice of Excel's object model the add-in uses
// (addin/src/office/host.ts), strict where Excel is strict:
//   - a loaded property can be read only after the next context.sync();
//   - reading a property that was never loaded throws, as Office.js does;
//   - a write to a protected sheet (other than values of unlocked cells) makes
//     the next sync fail, as Excel's protection does;
//   - null objects say isNullObject and refuse everything else.
// It counts syncs per Excel.run and records every write, so tests can assert
// the sync budget and exactly what was changed. No Node or DOM imports: the
// same code runs in Node tests and, bundled, in Chromium (addInitScript).
//
// Each rule cites its source where it is modelled: Microsoft's add-in
// documentation (learn.microsoft.com/office/dev/add-ins) and the Office.js
// reference (learn.microsoft.com/javascript/api/excel; the same text is in
// the doc comments of @types/office-js). The parts, in fake-excel/:
//   model.ts               what is kept: sheets, cells, rules, the write log
//   address.ts             A1 addresses and rectangles of cells
//   workbook.ts            FakeExcel: the workbook, Excel.run, createWorkbook, a person's edits
//   context.ts             the request context: batch, sync, protection guard
//   loadable.ts            load() and reading after sync
//   worksheets.ts          the worksheet collection and a worksheet
//   protection.ts          worksheet protection
//   range.ts               a range: values, formulas, number formats, merge, select
//   range-format.ts        range.format
//   data-validation.ts     range.dataValidation
//   conditional-formats.ts range.conditionalFormats
export { parseRange } from './fake-excel/address.ts';
export type { FakeCell, FakeRule, FakeSheet, Write } from './fake-excel/model.ts';
export { FakeExcel } from './fake-excel/workbook.ts';
