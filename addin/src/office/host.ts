// The only module that touches the Office.js globals (Office, Excel). Each
// operation is one Excel.run with one or two context.sync() calls, whatever
// the sheet's size: reads are queued together, writes are queued together.
// Everything it writes comes as plain data (SheetSpec, Highlight[], rows)
// built and tested elsewhere.
/// <reference types="office-js" />
import { looksLikeMetadata } from '../../../shared/layout/metadata.ts';
import type { InputRule } from '../../../shared/layout/rules.ts';
import type { Bilingual } from '../../../shared/text/bilingual.ts';
import type { Highlight } from '../sheet/highlights.ts';
import { HIGHLIGHT } from '../sheet/highlights.ts';
import { NOTE_FILL } from '../sheet/notes.ts';
import type { CellFormat, SheetSpec } from '../sheet/spec.ts';
import { OfficeFailure, officeFailure } from './failure.ts';

export { OfficeFailure } from './failure.ts';

export interface HostInfo {
  /** True when an Excel object model is there (Excel, or a test's stand-in). */
  inExcel: boolean;
  /**
   * The host has ExcelApi 1.7, the set manifest.xml declares (used ranges,
   * conditional formats, freeze panes, protection): the pane's sheet work needs it.
   */
  supportsRequiredApi: boolean;
  /**
   * The host has requirement set ExcelApi 1.8 (Office 2021, Microsoft 365):
   * data validation lists and Excel.createWorkbook. Excel 2019 stops at 1.7.
   */
  supportsExcelApi18: boolean;
  /** Office.context.platform ("PC", "Mac", "OfficeOnline"…), null outside Office. */
  platform: string | null;
  /** Office.context.partitionKey: the localStorage prefix where storage is partitioned. */
  partitionKey: string | null;
  /** OpenBrowserWindowApi 1.1 (Windows, Mac; not Excel on the web): openInBrowser works. */
  opensBrowser: boolean;
}

/** A progress sheet as read in one batch: what validate() takes. */
export interface Snapshot {
  sheet: string;
  values: unknown[][];
  formulas: unknown[][];
  numberFormats: unknown[][];
  /** range.text: what each cell displays (shared/cell reads a date's year from it). */
  texts: unknown[][];
  /** Top-left cell of the values (the used range may not start at A1). */
  origin: string;
}

/** The string in the formula of our highlight rules: how a check finds its own. */
export const HIGHLIGHT_MARK = 'lyson-kiem-tra';
/**
 * A highlight rule's formula: always true, and naming its range and severity
 * in a string, so a check can tell from the formulas alone (read in its first
 * sync) whether the highlights must change.
 */
const highlightFormula = (h: Highlight) => `=LEN("${HIGHLIGHT_MARK} ${h.range} ${h.severity}")>0`;

/** The string in the formula of the rules marking the coordinator's notes (markNotes). */
export const NOTE_MARK = 'lyson-ghi-chu';
const noteFormula = (range: string) => `=LEN("${NOTE_MARK} ${range}")>0`;

/** What "Kiểm tra" says on a sheet that is not a progress sheet, which it leaves untouched. */
export const NOT_PROGRESS_SHEET: Bilingual = {
  vi: 'Trang tính này không phải biểu mẫu báo cáo (không có ô “Mã mẫu biểu”), nên không được đánh dấu. Chọn trang tính biểu mẫu, hoặc bấm “Tạo biểu mẫu”.',
  en: 'This sheet is not a progress form (it has no “Mã mẫu biểu” cell), so nothing on it was marked. Select the form sheet, or press “Tạo biểu mẫu”.',
};

/** How far down a check looks for the metadata cell (as shared/validate/locate.ts). */
const METADATA_SEARCH_ROWS = 40;

/**
 * Every Excel.run of the add-in: with delayForCellEdit, so a press while a
 * cell is being edited waits for it instead of failing
 * (Excel.RunOptions.delayForCellEdit; the runtime passes it on only where
 * the host supports it, so it is safe on ExcelApi 1.7), and with Excel's
 * errors turned into OfficeFailure.
 */
async function run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  try {
    return await Excel.run({ delayForCellEdit: true }, batch);
  } catch (e) {
    throw officeFailure(e);
  }
}

/** Fixed cells locked, everything else as Excel's defaults; rows may be resized. */
const PROTECTION: Excel.WorksheetProtectionOptions = {
  allowFormatRows: true,
  allowFormatColumns: true,
  allowAutoFilter: true,
  allowSort: false,
  allowInsertRows: false,
  allowDeleteRows: false,
};

export const RECEIPTS_SHEET = 'Biên nhận';
export const RECEIPT_HEADER = [
  'Kỳ báo cáo / Period',
  'Cơ quan / Agency',
  'Phiên bản / Version',
  'Thời điểm nhận / Received at',
  'Mã băm nội dung / Content hash (SHA-256)',
  'Trang tính / Sheet',
] as const;
export type ReceiptRow = [string, string, number, string, string, string];

/**
 * Where the pane runs: inside Excel (or a test's stand-in Excel) or in a
 * plain browser, and whether the host has ExcelApi 1.8, asked through
 * Office.context.requirements.isSetSupported as Microsoft recommends.
 */
export async function detectHost(): Promise<HostInfo> {
  if (typeof Office === 'undefined') {
    return {
      inExcel: false,
      supportsRequiredApi: false,
      supportsExcelApi18: false,
      platform: null,
      partitionKey: null,
      opensBrowser: false,
    };
  }
  const info = await Office.onReady();
  const model = typeof Excel !== 'undefined' && typeof Excel.run === 'function';
  const inExcel = info.host === Office.HostType.Excel || (info.host == null && model);
  const requirements = Office.context?.requirements;
  // Outside Office (a test's stand-in) there is no requirements object: ask the model itself.
  const supportsExcelApi18 = requirements
    ? requirements.isSetSupported('ExcelApi', '1.8')
    : model && typeof Excel.createWorkbook === 'function';
  return {
    inExcel,
    // Outside Office (a test's stand-in) the model stands for itself.
    supportsRequiredApi: requirements ? requirements.isSetSupported('ExcelApi', '1.7') : model,
    supportsExcelApi18,
    platform: Office.context?.platform ? String(Office.context.platform) : null,
    partitionKey: Office.context?.partitionKey ?? null,
    opensBrowser: requirements?.isSetSupported('OpenBrowserWindowApi', '1.1') ?? false,
  };
}

const stripSheet = (address: string) => address.replace(/^.*!/, '');

/**
 * The name a sheet is built under before it gets its own: a press that
 * fails midway leaves only this sheet, never a half-built one under the
 * real name, and the next press deletes it. Excel allows 31 characters.
 */
export const buildingName = (name: string) => `~${name}`.slice(0, 31);

/**
 * "Tạo biểu mẫu": activates the sheet named spec.name if it exists (never
 * overwriting it), otherwise builds it all or nothing: laid out and
 * protected under buildingName(spec.name) (deleting one a failed press
 * left), renamed to spec.name as the batch's last change and activated. A
 * batch stops at its first failure, so the real name only ever names a
 * finished sheet; on failure the unfinished one is deleted in a follow-up
 * batch. Two syncs.
 */
export async function createSheet(
  spec: SheetSpec,
  options: { validation: boolean },
): Promise<'created' | 'activated'> {
  return run(async (context) => {
    const sheets = context.workbook.worksheets;
    const existing = sheets.getItemOrNullObject(spec.name);
    const leftover = sheets.getItemOrNullObject(buildingName(spec.name));
    existing.load('isNullObject');
    leftover.load('isNullObject');
    await context.sync();
    if (!existing.isNullObject) {
      existing.activate();
      await context.sync();
      return 'activated';
    }
    if (!leftover.isNullObject) leftover.delete();
    const ws = sheets.add(buildingName(spec.name));
    try {
      layOut(ws, spec, options);
      ws.protection.protect(PROTECTION);
      ws.name = spec.name;
      ws.activate();
      ws.getRange('F7').select();
      await context.sync();
    } catch (e) {
      await discard(context, buildingName(spec.name));
      throw e;
    }
    return 'created';
  });
}

/** Queues the sheet's values, merges, widths, formats, unlocked cells and rules. */
function layOut(ws: Excel.Worksheet, spec: SheetSpec, options: { validation: boolean }): void {
  ws.getRange(spec.range).values = spec.values;
  for (const m of spec.merges) ws.getRange(m).merge(false);
  spec.widths.forEach((w, i) => {
    const col = String.fromCharCode(65 + i);
    // Excel widths are characters of 7 px plus 5 px padding; Office.js takes points.
    ws.getRange(`${col}:${col}`).format.columnWidth = Math.round((w * 7 + 5) * 0.75);
  });
  for (const f of spec.formats) applyFormat(ws.getRange(f.range), f);
  for (const n of spec.numberFormats) ws.getRange(n.range).numberFormat = n.numberFormat;
  // After widths and wrapping: AutoFit keeps the rows free to grow as text is typed.
  if (spec.taskRows) ws.getRange(spec.taskRows).format.autofitRows();
  if (spec.unlocked) ws.getRange(spec.unlocked).format.protection.locked = false;
  if (options.validation) for (const r of spec.rules) applyRule(ws.getRange(r.range), r);
  ws.freezePanes.freezeRows(spec.freezeRows);
}

/** Deletes an unfinished sheet after a failed build; a failure here leaves it for the next press. */
async function discard(context: Excel.RequestContext, name: string): Promise<void> {
  try {
    context.workbook.worksheets.getItemOrNullObject(name).delete();
    await context.sync();
  } catch {
    // The next "Tạo biểu mẫu" deletes it before building.
  }
}

function applyFormat(range: Excel.Range, f: CellFormat): void {
  const format = range.format;
  if (f.bold !== undefined) format.font.bold = f.bold;
  if (f.italic !== undefined) format.font.italic = f.italic;
  if (f.size !== undefined) format.font.size = f.size;
  if (f.color !== undefined) format.font.color = f.color;
  if (f.fill !== undefined) format.fill.color = f.fill;
  if (f.wrap !== undefined) format.wrapText = f.wrap;
  if (f.horizontal !== undefined) format.horizontalAlignment = f.horizontal;
  if (f.vertical !== undefined) format.verticalAlignment = f.vertical;
  if (f.border) {
    for (const edge of [
      'EdgeTop',
      'EdgeBottom',
      'EdgeLeft',
      'EdgeRight',
      'InsideHorizontal',
      'InsideVertical',
    ] as const) {
      const b = format.borders.getItem(edge);
      b.style = 'Continuous';
      b.color = '#808080';
    }
  }
}

function applyRule(range: Excel.Range, r: InputRule): void {
  const dv = range.dataValidation;
  dv.clear();
  if (r.type === 'list') {
    dv.rule = { list: { inCellDropDown: true, source: (r.values ?? []).join(',') } };
  } else {
    const basic = { formula1: r.min ?? 0, formula2: r.max ?? 0, operator: 'Between' as const };
    dv.rule = r.type === 'decimal' ? { decimal: basic } : { textLength: basic };
  }
  dv.errorAlert = { showAlert: true, style: 'Stop', title: r.errorTitle, message: r.error };
}

/** The outcome of a check: what was read, what `analyse` made of it, and what happened to the sheet. */
export interface CheckRun<T> {
  snapshot: Snapshot;
  result: T;
  /** The sheet has no metadata cell: nothing on it was changed (NOT_PROGRESS_SHEET says so). */
  notProgressSheet?: true;
  /** The findings stand, but the sheet could not be marked. */
  highlightError?: OfficeFailure;
}

/**
 * "Kiểm tra": reads the active sheet in one batch (sync 1), lets `analyse`
 * decide what to highlight, then replaces this add-in's highlight rules with
 * those (sync 2). Highlights are conditional formats, so removing them gives
 * back the cell's own formatting untouched.
 *
 * Only a progress sheet (one with the metadata cell) is ever changed. When
 * its highlights are already the ones wanted, nothing is written: protect and
 * unprotect clear Excel's undo stack (Microsoft, "Undo" for Excel add-ins,
 * "Unsupported APIs"), so a check that changes nothing keeps the clerk's
 * undo. When a step of the highlight batch fails, the sheet is protected
 * again in a follow-up batch; a sheet whose unprotect was refused (a
 * password) reports `passwordProtected`.
 */
export async function checkActiveSheet<T>(
  analyse: (snapshot: Snapshot) => { result: T; highlights: Highlight[] },
): Promise<CheckRun<T>> {
  return run(async (context) => {
    const ws = context.workbook.worksheets.getActiveWorksheet();
    ws.load('name');
    ws.protection.load('protected');
    const used = ws.getUsedRangeOrNullObject(true);
    used.load(['address', 'values', 'formulas', 'numberFormat', 'text']);
    // Custom rules come with their formulas in the same batch: ours carry the mark.
    const rules = ws.getRange().conditionalFormats;
    rules.load({ type: true, customOrNullObject: { rule: { formula: true } } });
    await context.sync();
    const snapshot: Snapshot = used.isNullObject
      ? { sheet: ws.name, values: [], formulas: [], numberFormats: [], texts: [], origin: 'A1' }
      : {
          sheet: ws.name,
          values: used.values,
          formulas: used.formulas,
          numberFormats: used.numberFormat,
          texts: used.text,
          origin: stripSheet(used.address).split(':')[0] ?? 'A1',
        };
    const { result, highlights } = analyse(snapshot);
    const isProgressSheet = snapshot.values
      .slice(0, METADATA_SEARCH_ROWS)
      .some((row) => row.some(looksLikeMetadata));
    if (!isProgressSheet) return { snapshot, result, notProgressSheet: true };
    const wanted = highlights.map((h) => ({
      range: h.range,
      formula: highlightFormula(h),
      fill: HIGHLIGHT[h.severity],
    }));
    const change = markedRulesChange(rules, HIGHLIGHT_MARK, wanted);
    if (!change) return { snapshot, result };
    const wasProtected = ws.protection.protected;
    try {
      queueRules(ws, change, wanted, wasProtected);
      await context.sync();
      return { snapshot, result };
    } catch (e) {
      return {
        snapshot,
        result,
        highlightError: await restoreProtection(context, ws, wasProtected, e),
      };
    }
  });
}

/** A conditional format this add-in writes: always true, naming itself in its formula. */
interface MarkedRule {
  range: string;
  formula: string;
  fill: string;
}

/**
 * The rules carrying `mark` that must go, or null when they are already
 * exactly `wanted` (compared by formula, which names range and kind): then
 * nothing is written, and Excel's undo history stays.
 */
function markedRulesChange(
  rules: Excel.ConditionalFormatCollection,
  mark: string,
  wanted: readonly MarkedRule[],
): Excel.ConditionalFormat[] | null {
  const ours = rules.items.filter(
    (cf) =>
      !cf.customOrNullObject.isNullObject && cf.customOrNullObject.rule.formula.includes(mark),
  );
  const have = ours.map((cf) => cf.customOrNullObject.rule.formula).sort();
  const want = wanted.map((w) => w.formula).sort();
  return have.length === want.length && have.every((f, i) => f === want[i]) ? null : ours;
}

/**
 * Queues the replacement of `old` by `wanted` (custom conditional formats,
 * ExcelApi 1.6), unprotecting and protecting again a protected sheet: rules
 * are formats, which the protection forbids.
 */
function queueRules(
  ws: Excel.Worksheet,
  old: readonly Excel.ConditionalFormat[],
  wanted: readonly MarkedRule[],
  wasProtected: boolean,
): void {
  if (wasProtected) ws.protection.unprotect();
  for (const cf of old) cf.delete();
  for (const w of wanted) {
    const cf = ws.getRange(w.range).conditionalFormats.add('Custom');
    cf.custom.rule.formula = w.formula;
    cf.custom.format.fill.color = w.fill;
  }
  if (wasProtected) ws.protection.protect(PROTECTION);
}

/**
 * Marks the cells the coordinator's notes are about on the sheet named
 * `sheet` (ranges from sheet/notes.ts), replacing this add-in's earlier note
 * marks there; `[]` clears them. Conditional formats like the check's
 * highlights, with their own marker, so a check leaves them and the clerk's
 * own formatting is never touched. Answers false when there is no such sheet
 * (nothing written). Two syncs (existence, then its rules), a third only
 * when the marks change.
 */
export async function markNotes(sheet: string, ranges: readonly string[]): Promise<boolean> {
  return run(async (context) => {
    const ws = context.workbook.worksheets.getItemOrNullObject(sheet);
    ws.load('isNullObject');
    await context.sync();
    // Nothing may be asked of a null object: its rules are read once it is known to exist.
    if (ws.isNullObject) return false;
    ws.protection.load('protected');
    const rules = ws.getRange().conditionalFormats;
    rules.load({ type: true, customOrNullObject: { rule: { formula: true } } });
    await context.sync();
    const wanted = ranges.map((range) => ({ range, formula: noteFormula(range), fill: NOTE_FILL }));
    const change = markedRulesChange(rules, NOTE_MARK, wanted);
    if (!change) return true;
    const wasProtected = ws.protection.protected;
    try {
      queueRules(ws, change, wanted, wasProtected);
      await context.sync();
    } catch (e) {
      throw await restoreProtection(context, ws, wasProtected, e);
    }
    return true;
  });
}

/** What a fill found before writing: the cells that already hold something else. */
export type FillOutcome = { written: true } | { written: false; typed: number };

/**
 * Writes `values` into `range` (the task rows' fillable cells, unlocked on
 * the protected sheet) of the sheet named `sheet`, reading them first: when
 * any non-empty cell would change and `overwrite` is false, nothing is
 * written and the count of such cells is answered, for the pane to ask
 * first. Two syncs (read, write); one when it stops to ask. The sheet must
 * exist (createSheet first): ItemNotFound otherwise.
 */
export async function fillSheet(
  sheet: string,
  range: string,
  values: (string | number)[][],
  options: { overwrite: boolean },
): Promise<FillOutcome> {
  return run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    const target = ws.getRange(range);
    target.load('values');
    await context.sync();
    const typed = target.values
      .flatMap((row, r) => row.map((v, c) => [v, values[r]?.[c] ?? ''] as const))
      .filter(([have, want]) => have !== '' && have !== want).length;
    if (typed > 0 && !options.overwrite) return { written: false, typed };
    target.values = values;
    ws.activate();
    await context.sync();
    return { written: true };
  });
}

/**
 * After a failed highlight batch: protects the sheet again when the batch
 * stopped after unprotecting it. A sheet still protected means unprotect
 * itself was refused: a password the add-in does not know.
 */
async function restoreProtection(
  context: Excel.RequestContext,
  ws: Excel.Worksheet,
  wasProtected: boolean,
  error: unknown,
): Promise<OfficeFailure> {
  const failure = officeFailure(error);
  if (!wasProtected || failure.kind === 'cellEdit') return failure;
  try {
    ws.protection.load('protected');
    await context.sync();
    if (ws.protection.protected) return new OfficeFailure('passwordProtected', failure.detail);
    ws.protection.protect(PROTECTION);
    await context.sync();
  } catch {
    // The first failure is the one to explain.
  }
  return failure;
}

/** Selects a cell (clicking a finding), activating its sheet. */
export async function selectCell(sheet: string, cell: string): Promise<void> {
  await run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    ws.activate();
    ws.getRange(cell).select();
    await context.sync();
  });
}

/** Appends a receipt to the workbook's receipts sheet (created, protected, on first use). */
export async function recordReceipt(row: ReceiptRow): Promise<void> {
  await run(async (context) => {
    const sheets = context.workbook.worksheets;
    const existing = sheets.getItemOrNullObject(RECEIPTS_SHEET);
    existing.load('isNullObject');
    await context.sync();
    // Nothing may be asked of a null object: the used range is read only when
    // the sheet exists (one sync more then; the first receipt needs none).
    let used: Excel.Range | null = null;
    if (!existing.isNullObject) {
      used = existing.getUsedRangeOrNullObject(true);
      used.load('rowCount');
      await context.sync();
    }
    const ws = existing.isNullObject ? sheets.add(RECEIPTS_SHEET) : existing;
    if (existing.isNullObject) {
      const header = ws.getRange('A1:F1');
      header.values = [[...RECEIPT_HEADER]];
      header.format.font.bold = true;
      header.format.fill.color = '#F2F2F2';
      for (const [col, width] of [
        ['A', 12],
        ['B', 14],
        ['C', 10],
        ['D', 22],
        ['E', 40],
        ['F', 16],
      ] as const) {
        ws.getRange(`${col}:${col}`).format.columnWidth = Math.round((width * 7 + 5) * 0.75);
      }
    } else {
      ws.protection.unprotect();
    }
    const next = !used || used.isNullObject ? 2 : used.rowCount + 1;
    const line = ws.getRange(`A${next}:F${next}`);
    line.numberFormat = [['@', '@', '0', '@', '@', '@']];
    line.values = [row];
    ws.protection.protect();
    try {
      await context.sync();
    } catch (e) {
      // A batch stops at its first failure: the receipts sheet may be left
      // unprotected (or half made). Protect what is there, then explain the failure.
      await protectReceipts(context);
      throw e;
    }
  });
}

/** Protects the receipts sheet if it exists and is not protected; never throws. */
async function protectReceipts(context: Excel.RequestContext): Promise<void> {
  try {
    const ws = context.workbook.worksheets.getItemOrNullObject(RECEIPTS_SHEET);
    ws.load('isNullObject');
    await context.sync();
    if (ws.isNullObject) return;
    ws.protection.load('protected');
    await context.sync();
    if (ws.protection.protected) return;
    ws.protection.protect();
    await context.sync();
  } catch {
    // The first failure is the one to explain.
  }
}

/** The receipts recorded in this workbook, oldest first. */
export async function readReceipts(): Promise<ReceiptRow[]> {
  return run(async (context) => {
    const ws = context.workbook.worksheets.getItemOrNullObject(RECEIPTS_SHEET);
    ws.load('isNullObject');
    await context.sync();
    if (ws.isNullObject) return [];
    const used = ws.getUsedRangeOrNullObject(true);
    used.load('values');
    await context.sync();
    if (used.isNullObject) return [];
    return used.values
      .slice(1)
      .map((r) => [
        String(r[0] ?? ''),
        String(r[1] ?? ''),
        Number(r[2]) || 0,
        String(r[3] ?? ''),
        String(r[4] ?? ''),
        String(r[5] ?? ''),
      ]);
  });
}

/** Opens a workbook (.xlsx bytes as base64) in a new Excel window. */
export async function openWorkbook(base64: string): Promise<void> {
  try {
    await Excel.createWorkbook(base64);
  } catch (e) {
    throw officeFailure(e);
  }
}

/** Opens `url` in the computer's browser (OpenBrowserWindowApi 1.1), outside the webview. */
export function openInBrowser(url: string): void {
  Office.context.ui.openBrowserWindow(url);
}
