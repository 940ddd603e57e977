// Worksheet protection (Office.js: Excel.WorksheetProtection, ExcelApi 1.2).
// Microsoft's "Undo" documentation for add-ins (excel-add-ins-undo-capabilities,
// "Unsupported APIs") lists protect and unprotect among the operations that
// clear Excel's undo stack: each one sets FakeExcel.undoCleared. A sheet a
// person protected with a password refuses unprotect() without it
// (WorksheetProtection.unprotect(password), ExcelApi 1.7 for the password; Excel's
// own "Unprotect" says a password-protected sheet needs it); the code Excel
// gives is not documented, so the stand-in uses InvalidOperation.
import type { Context } from './context.ts';
import { Loadable } from './loadable.ts';
import type { FakeSheet } from './model.ts';

export class Protection extends Loadable {
  private sheet: () => FakeSheet;
  constructor(ctx: Context, sheet: () => FakeSheet) {
    super(ctx);
    this.sheet = sheet;
  }
  get protected(): boolean {
    return this.read('protected', () => this.sheet().protected);
  }
  /** "Protects a worksheet. Fails if the worksheet has already been protected." (WorksheetProtection.protect) */
  protect(options?: unknown): void {
    if (!this.ctx.live) return;
    const s = this.sheet();
    if (s.protected) {
      this.ctx.fail('InvalidOperation', 'the sheet is already protected');
      return;
    }
    s.protected = true;
    s.protection = options;
    this.ctx.excel.undoCleared = true;
    this.ctx.excel.record({ op: 'protect', sheet: s.name, detail: options });
  }
  unprotect(password?: string): void {
    if (!this.ctx.live) return;
    const s = this.sheet();
    if (s.protected && s.password !== undefined && password !== s.password) {
      this.ctx.fail('InvalidOperation', `sheet ${s.name} is protected with a password`);
      return;
    }
    s.protected = false;
    delete s.password;
    this.ctx.excel.undoCleared = true;
    this.ctx.excel.record({ op: 'unprotect', sheet: s.name });
  }
}
