// Worksheet protection (Office.js: Excel.WorksheetProtection, ExcelApi 1.2).
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
    const s = this.sheet();
    if (s.protected) {
      this.ctx.pendingError ??= new Error('InvalidOperation: the sheet is already protected');
      return;
    }
    s.protected = true;
    s.protection = options;
    this.ctx.excel.record({ op: 'protect', sheet: s.name, detail: options });
  }
  unprotect(): void {
    const s = this.sheet();
    s.protected = false;
    this.ctx.excel.record({ op: 'unprotect', sheet: s.name });
  }
}
