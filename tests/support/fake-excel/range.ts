// A range (Office.js: Excel.Range): its cells' values, formulas and number
// formats, merge and select. Its format, data validation and conditional
// formats are in range-format.ts, data-validation.ts and
// conditional-formats.ts. Rules from the Office.js reference
// (learn.microsoft.com/javascript/api/excel/excel.range) beside each member.
import { SSF } from '@e965/xlsx';
import { type Box, boxAddress, key, quoteSheet } from './address.ts';
import { ConditionalFormats } from './conditional-formats.ts';
import type { Context } from './context.ts';
import { dataValidation } from './data-validation.ts';
import { Loadable } from './loadable.ts';
import type { FakeCell, FakeSheet } from './model.ts';
import { rangeFormat } from './range-format.ts';

export class Range extends Loadable {
  private findSheet: () => FakeSheet | undefined;
  private findBox: () => Box;
  constructor(ctx: Context, findSheet: () => FakeSheet | undefined, findBox: () => Box) {
    super(ctx);
    this.findSheet = findSheet;
    this.findBox = findBox;
  }
  /** The range's sheet; acting on a null range fails (InvalidObjectPath). */
  get sheet(): FakeSheet {
    const s = this.findSheet();
    if (!s) throw new Error('InvalidObjectPath: the range does not exist');
    return s;
  }
  get box(): Box {
    return this.findBox();
  }
  /** The address without the sheet ("B7:K20"). */
  get where(): string {
    return boxAddress(this.box);
  }
  private grid<T>(f: (c: FakeCell | undefined) => T): T[][] {
    const b = this.box;
    const cells = this.sheet.cells; // resolved once: a used range recomputes its sheet and box
    const out: T[][] = [];
    for (let r = b.top; r <= b.bottom; r++) {
      const line: T[] = [];
      for (let c = b.left; c <= b.right; c++) line.push(f(cells.get(key(r, c))));
      out.push(line);
    }
    return out;
  }
  /** Calls `f` on every cell of the range (created empty where missing) to change it. */
  each(f: (c: FakeCell, row: number, col: number) => void): void {
    const b = this.box;
    if ((b.bottom - b.top + 1) * (b.right - b.left + 1) > 100_000) {
      throw new Error(`the fake does not write ranges as large as ${this.where}`);
    }
    const cells = this.sheet.cells;
    for (let r = b.top; r <= b.bottom; r++) {
      for (let c = b.left; c <= b.right; c++) {
        const k = key(r, c);
        const cell = cells.get(k) ?? { value: '' };
        f(cell, r, c);
        cells.set(k, cell);
      }
    }
  }
  get isNullObject(): boolean {
    return this.known(() => this.findSheet() === undefined);
  }
  /** "Address value contains the sheet reference (e.g., "Sheet1!A1:B4")." (Range.address) */
  get address(): string {
    return this.read('address', () => `${quoteSheet(this.sheet.name)}!${this.where}`);
  }
  get rowCount(): number {
    return this.read('rowCount', () => this.box.bottom - this.box.top + 1);
  }
  /** Raw values: string, number or boolean; '' for an empty cell (Range.values). */
  get values(): unknown[][] {
    return this.read('values', () => this.grid((c) => c?.value ?? ''));
  }
  /**
   * False, failing the batch with InvalidArgument, unless `v` has the
   * range's rows and columns: Excel answers "The number of rows or columns in
   * the input array doesn't match the size or dimensions of the range"
   * ("Set and get range values, text, or formulas", excel-add-ins-ranges-set-get-values:
   * the array's dimensions must match the range's).
   */
  private fits(v: unknown[][], what: string): boolean {
    const b = this.box;
    const cols = b.right - b.left + 1;
    if (
      v.length === b.bottom - b.top + 1 &&
      v.every((r) => Array.isArray(r) && r.length === cols)
    ) {
      return true;
    }
    this.ctx.fail(
      'InvalidArgument',
      `${what} ${this.where}: the number of rows or columns in the input array doesn't match the size or dimensions of the range`,
    );
    return false;
  }
  /**
   * Writing values replaces the cells' formulas. On a protected sheet only
   * unlocked cells take values (Context.guard): a range holding any locked
   * cell is refused whole. Where Excel leaves a cell unchanged for null
   * ("Blank and null values in Excel add-ins",
   * learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-blank-null-values),
   * the stand-in clears it: the add-in never writes null.
   */
  set values(v: unknown[][]) {
    if (!this.ctx.live || !this.fits(v, 'values')) return;
    const b = this.box;
    const s = this.sheet;
    if (s.protected) {
      for (let r = b.top; r <= b.bottom; r++) {
        for (let c = b.left; c <= b.right; c++) {
          if (
            s.cells.get(key(r, c))?.locked !== false &&
            !this.ctx.guard(s, `values ${key(r, c)}`)
          ) {
            return;
          }
        }
      }
    }
    if (!s.protected && !this.ctx.guard(s, 'values')) return;
    this.each((cell, r, c) => {
      const x = v[r - b.top]?.[c - b.left];
      cell.value = x === undefined || x === null ? '' : (x as string | number | boolean);
      delete cell.formula;
    });
    this.ctx.excel.record({ op: 'values', sheet: s.name, range: this.where, detail: v });
  }
  /**
   * "Text values of the specified range. The text value will not depend on
   * the cell width." (Range.text, ExcelApi 1.1): each value as its number
   * format shows it, formatted here by SheetJS's SSF in the workbook's date
   * system. Real Excel uses the viewer's locale separators; the add-in reads
   * only the year from it (shared/cell/date-text.ts), which every locale shows.
   */
  get text(): string[][] {
    const date1904 = this.ctx.excel.date1904;
    return this.read('text', () =>
      this.grid((c) => {
        const v = c?.value ?? '';
        if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
        if (typeof v !== 'number') return v;
        return SSF.format(c?.numberFormat ?? 'General', v, { date1904 });
      }),
    );
  }
  /** "If a cell has no formula, its value is returned instead." (Range.formulas) */
  get formulas(): unknown[][] {
    return this.read('formulas', () => this.grid((c) => c?.formula ?? c?.value ?? ''));
  }
  /** Each cell's number format code; 'General' where none was set (Range.numberFormat). */
  get numberFormat(): unknown[][] {
    return this.read('numberFormat', () => this.grid((c) => c?.numberFormat ?? 'General'));
  }
  set numberFormat(v: unknown[][]) {
    const b = this.box;
    if (!this.ctx.guard(this.sheet, 'numberFormat') || !this.fits(v, 'numberFormat')) return;
    this.each((cell, r, c) => {
      cell.numberFormat = String(v[r - b.top]?.[c - b.left] ?? 'General');
    });
    this.ctx.excel.record({
      op: 'numberFormat',
      sheet: this.sheet.name,
      range: this.where,
      detail: v,
    });
  }
  merge(across?: boolean): void {
    if (!this.ctx.guard(this.sheet, 'merge')) return;
    this.sheet.merges.push(this.where);
    this.ctx.excel.record({
      op: 'merge',
      sheet: this.sheet.name,
      range: this.where,
      detail: across,
    });
  }
  select(): void {
    if (!this.ctx.live) return;
    this.ctx.excel.selected = `${this.sheet.name}!${this.where}`;
    this.ctx.excel.record({ op: 'select', sheet: this.sheet.name, range: this.where });
  }
  get format() {
    return rangeFormat(this);
  }
  get dataValidation() {
    return dataValidation(this);
  }
  /** "The collection of ConditionalFormats that intersect the range." (Range.conditionalFormats) */
  get conditionalFormats(): ConditionalFormats {
    return new ConditionalFormats(
      this.ctx,
      () => this.sheet,
      () => this.box,
    );
  }
}
