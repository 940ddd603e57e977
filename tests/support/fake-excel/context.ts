// The request context of one Excel.run: the batch and its sync.
//
// Office.js queues every property set and method call on proxy objects and
// runs them at context.sync() (Microsoft, "Application-specific API model",
// learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model,
// "Proxy objects" and "sync()"). When an action fails, sync() rejects with an
// OfficeExtension.Error whose code names it (AccessDenied, ItemNotFound,
// InvalidArgument … : "Error handling with the application-specific
// JavaScript APIs", learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling);
// the actions queued before it have run (OfficeExtension.Error.traceMessages:
// "all trace messages that were executed before the error occurred") and
// those after it have not. The stand-in applies each action as it is queued
// until one fails; it keeps that first error for the next sync and applies
// nothing more in the batch (`live`), which is what an add-in can observe.

import type { FakeSheet } from './model.ts';
import type { FakeExcel } from './workbook.ts';
import { Worksheets } from './worksheets.ts';

/** An OfficeExtension.Error as an add-in sees it: `code` (Excel.ErrorCodes) and a message. */
export function officeError(code: string, message: string): Error & { code: string } {
  const e = new Error(`${code}: ${message}`) as Error & { code: string };
  e.name = 'RichApi.Error';
  e.code = code;
  return e;
}

export class Context {
  /** Syncs so far: a property loaded in generation g is readable from g + 1. */
  generation = 0;
  /** The batch's first failure, thrown by the next sync. */
  pendingError: Error | null = null;
  onSync: () => void = () => {};
  readonly workbook: { worksheets: Worksheets };
  readonly excel: FakeExcel;
  constructor(excel: FakeExcel) {
    this.excel = excel;
    this.workbook = { worksheets: new Worksheets(this) };
  }
  /** Records the batch's first failure; every later action is skipped. */
  fail(code: string, message: string): void {
    this.pendingError ??= officeError(code, message);
  }
  /** False once an action of the batch has failed: nothing after it runs. */
  get live(): boolean {
    return this.pendingError === null;
  }
  async sync(): Promise<void> {
    this.onSync();
    this.generation++;
    const e = this.pendingError;
    this.pendingError = null;
    if (e) throw e;
  }
  /**
   * A write to a protected sheet fails at the next sync, as in Excel: by
   * default protection locks every cell and the sheet's formatting
   * (Microsoft, "Protect a worksheet",
   * support.microsoft.com/office/3179efdb-1285-4d49-a9c3-f4ca36276de6); the
   * error code is AccessDenied ("You cannot perform the requested operation").
   * A workbook opened read-only refuses every change the same way. False
   * when the write must not be applied (this one failed, or an earlier one).
   */
  guard(sheet: FakeSheet, what: string): boolean {
    if (!this.live) return false;
    const fault = this.excel.faults.find((f) => what.startsWith(f.what));
    if (fault) {
      this.fail(fault.code, `${what} failed`);
      return false;
    }
    if (this.excel.readOnly) {
      this.fail('AccessDenied', `${what}: the workbook is read-only`);
      return false;
    }
    if (!sheet.protected) return true;
    this.fail(
      'AccessDenied',
      `${what} on protected sheet ${sheet.name} (the cell or chart you're trying to change is on a protected sheet)`,
    );
    return false;
  }
}
