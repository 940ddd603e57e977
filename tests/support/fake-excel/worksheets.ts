// The worksheet collection and a worksheet (Office.js: Excel.WorksheetCollection,
// Excel.Worksheet). Sources, beside each rule: the Office.js reference
// (learn.microsoft.com/javascript/api/excel, the doc comments of
// @types/office-js) and "Application-specific API model".
import { type Box, parseRange } from './address.ts';
import type { Context } from './context.ts';
import { Loadable } from './loadable.ts';
import type { FakeSheet } from './model.ts';
import { Protection } from './protection.ts';
import { Range } from './range.ts';

export class Worksheets {
  private ctx: Context;
  constructor(ctx: Context) {
    this.ctx = ctx;
  }
  // Resolved when queued, as Excel does: a sheet added later in the batch does
  // not turn an earlier null object into a sheet. getItemOrNullObject gives
  // an object with isNullObject true when there is no such sheet.
  getItemOrNullObject(name: string): Worksheet {
    const found = this.ctx.excel.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
    return new Worksheet(this.ctx, () => found);
  }
  /** No such sheet: ItemNotFound ("Application-specific API model", "*OrNullObject methods"). */
  getItem(name: string): Worksheet {
    const found = this.ctx.excel.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
    if (!found) this.ctx.fail('ItemNotFound', `no sheet ${name}`);
    return new Worksheet(this.ctx, () => found);
  }
  getActiveWorksheet(): Worksheet {
    const found = this.ctx.excel.sheets.find((s) => s.name === this.ctx.excel.active);
    return new Worksheet(this.ctx, () => found);
  }
  /** Added at the end, not activated (Excel.WorksheetCollection.add); a bad or taken name fails at sync. */
  add(name: string): Worksheet {
    if (!this.ctx.live) return new Worksheet(this.ctx, () => undefined);
    try {
      const s = this.ctx.excel.addSheet(name);
      this.ctx.excel.record({ op: 'addSheet', sheet: name });
      return new Worksheet(this.ctx, () => s);
    } catch (e) {
      this.ctx.pendingError ??= e as Error;
      return new Worksheet(this.ctx, () => undefined);
    }
  }
}

export class Worksheet extends Loadable {
  readonly protection: Protection;
  /** freezeRows(count): the top `count` rows stay in view (Excel.WorksheetFreezePanes.freezeRows). */
  readonly freezePanes: { freezeRows: (n: number) => void };
  private find: () => FakeSheet | undefined;
  constructor(ctx: Context, find: () => FakeSheet | undefined) {
    super(ctx);
    this.find = find;
    this.protection = new Protection(ctx, () => this.sheet);
    this.freezePanes = {
      freezeRows: (n: number) => {
        if (!this.ctx.live) return;
        this.sheet.frozenRows = n;
        this.ctx.excel.record({ op: 'freezeRows', sheet: this.sheet.name, detail: n });
      },
    };
  }
  /** The sheet itself; acting on a null object fails (InvalidObjectPath). */
  get sheet(): FakeSheet {
    const s = this.find();
    if (!s) throw new Error('InvalidObjectPath: the worksheet does not exist');
    return s;
  }
  get isNullObject(): boolean {
    return this.known(() => this.find() === undefined);
  }
  get name(): string {
    return this.read('name', () => this.sheet.name);
  }
  /** Renaming follows the rules of a new sheet's name (FakeExcel.addSheet); the active sheet follows it. */
  set name(n: string) {
    if (!this.ctx.live) return;
    const s = this.sheet;
    if (this.ctx.excel.readOnly) {
      this.ctx.fail('AccessDenied', 'read-only workbook');
      return;
    }
    try {
      this.ctx.excel.checkName(n, s);
    } catch (e) {
      this.ctx.pendingError ??= e as Error;
      return;
    }
    if (this.ctx.excel.active === s.name) this.ctx.excel.active = n;
    this.ctx.excel.record({ op: 'rename', sheet: s.name, detail: n });
    s.name = n;
  }
  /**
   * Deletes the sheet (Excel.Worksheet.delete). Sheet protection does not
   * stop it; deleting the last visible sheet fails (InvalidOperation).
   */
  delete(): void {
    if (!this.ctx.live) return;
    const s = this.sheet;
    if (this.ctx.excel.readOnly) return void this.ctx.fail('AccessDenied', 'read-only workbook');
    if (this.ctx.excel.sheets.length === 1) {
      return void this.ctx.fail('InvalidOperation', 'a workbook must keep one visible sheet');
    }
    this.ctx.excel.sheets = this.ctx.excel.sheets.filter((x) => x !== s);
    if (this.ctx.excel.active === s.name)
      this.ctx.excel.active = this.ctx.excel.sheets[0]?.name ?? '';
    this.ctx.excel.record({ op: 'deleteSheet', sheet: s.name });
  }
  activate(): void {
    if (!this.ctx.live) return;
    this.ctx.excel.active = this.sheet.name;
    this.ctx.excel.record({ op: 'activate', sheet: this.sheet.name });
  }
  /** The range at an A1 address; no address is the whole sheet (Excel.Worksheet.getRange). */
  getRange(address?: string): Range {
    return new Range(
      this.ctx,
      () => this.find(),
      () => parseRange(address),
    );
  }
  /**
   * The smallest range holding every used cell, or a null object when the
   * sheet is blank; with valuesOnly, only cells with values count
   * (Excel.Worksheet.getUsedRangeOrNullObject). Worked out when read, as the
   * range is at sync time. Asked of a worksheet that is itself a null object
   * (getItemOrNullObject found no sheet), the batch fails: Excel cannot
   * resolve the object path (Excel.ErrorCodes.invalidObjectPath), which is
   * why *OrNullObject results must be tested with isNullObject after a sync
   * before anything is asked of them ("Application-specific API model",
   * "*OrNullObject methods and properties").
   */
  getUsedRangeOrNullObject(valuesOnly?: boolean): Range {
    if (this.ctx.live && this.find() === undefined) {
      this.ctx.fail(
        'InvalidObjectPath',
        'getUsedRangeOrNullObject on a worksheet that does not exist',
      );
    }
    const box = (): Box | undefined => {
      const s = this.find();
      if (!s) return undefined;
      let b: Box | undefined;
      for (const [k, c] of s.cells) {
        if (valuesOnly && c.value === '' && !c.formula) continue;
        const p = parseRange(k);
        b = b
          ? {
              top: Math.min(b.top, p.top),
              left: Math.min(b.left, p.left),
              bottom: Math.max(b.bottom, p.top),
              right: Math.max(b.right, p.left),
            }
          : { ...p };
      }
      return b;
    };
    return new Range(
      this.ctx,
      () => (box() ? this.find() : undefined),
      () => box() as Box,
    );
  }
}
