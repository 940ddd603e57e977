// The Office module (addin/src/office/host.ts) against the stand-in Excel
// object model: what each operation writes, and that it stays within its
// context.sync() budget whatever the sheet's size.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { analyse } from '../../addin/src/check.ts';
import { OfficeFailure, officeFailure } from '../../addin/src/office/failure.ts';
import {
  buildingName,
  checkActiveSheet,
  createSheet,
  fillSheet,
  HIGHLIGHT_MARK,
  markNotes,
  NOT_PROGRESS_SHEET,
  NOTE_MARK,
  RECEIPTS_SHEET,
  type ReceiptRow,
  readReceipts,
  recordReceipt,
  selectCell,
} from '../../addin/src/office/host.ts';
import { fillBlock } from '../../addin/src/sheet/fill.ts';
import { HIGHLIGHT } from '../../addin/src/sheet/highlights.ts';
import { NOTE_FILL, noteRanges, placeNotes } from '../../addin/src/sheet/notes.ts';
import { sheetSpec } from '../../addin/src/sheet/spec.ts';
import { COLUMNS, cellOf, isTextColumn, layoutToGrid } from '../../shared/layout/index.ts';
import { submissionFill } from '../../shared/submission/to-grid.ts';
import { groupFindings } from '../../shared/validate/group.ts';
import { AGENCY, layoutFor, PERIOD, plan, validFill } from '../shared/fixtures.ts';
import { FakeExcel } from '../support/fake-excel.ts';

const g = globalThis as unknown as Record<string, unknown>;
let excel: FakeExcel;

beforeEach(() => {
  excel = new FakeExcel(['Sheet1']);
  excel.install(g);
});
afterEach(() => {
  delete g.Excel;
});

const layout = layoutFor(AGENCY);
const spec = sheetSpec(layout);
const check = () => checkActiveSheet(analyse(plan, AGENCY, PERIOD));
const lastRun = () => excel.syncsPerRun.at(-1);
/** Receipt `version` of the fixture agency for 2026-Q1 (hash 'a…' for 1, 'b…' for 2). */
const receipt = (version: 1 | 2): ReceiptRow => [
  '2026-Q1',
  AGENCY,
  version,
  `2026-03-1${6 + version}T02:00:00.000Z`,
  (version === 1 ? 'a' : 'b').repeat(64),
  spec.name,
];
const first = layout.tasks[0];
if (!first) throw new Error('the fixture agency has tasks');
const row = first.row;

/** Fills every task row validly, as a clerk would type it. */
function fillValid() {
  layout.tasks.forEach((t, i) => {
    const v = validFill(t, i);
    for (const [k, value] of Object.entries(v)) {
      if (value !== '') excel.type(spec.name, cellOf(t.row, k as 'status'), value);
    }
  });
}

describe('createSheet', () => {
  it('inserts the laid-out sheet, protected, in two syncs', async () => {
    expect(await createSheet(spec, { validation: true })).toBe('created');
    expect(lastRun()).toBe(2);
    const s = excel.sheet(spec.name);
    expect(excel.active).toBe(spec.name);
    // The values are exactly the shared layout's grid.
    const grid = layoutToGrid(layout);
    expect(excel.value(spec.name, 'A5')).toBe(grid[4]?.[0]);
    expect(excel.value(spec.name, `B${row}`)).toBe(first.fixed.content);
    expect(s.protected).toBe(true);
    expect(s.frozenRows).toBe(6);
    expect(s.merges).toEqual(['A1:K1', 'A2:K2', 'A3:K3', 'A4:K4', 'A5:K5']);
    // Only the fillable cells are unlocked.
    expect(s.cells.get(`F${row}`)?.locked).toBe(false);
    expect(s.cells.get(`K${layout.lastRow}`)?.locked).toBe(false);
    expect(s.cells.get(`E${row}`)?.locked).toBeUndefined();
    expect(() => excel.type(spec.name, `B${row}`, 'sửa')).toThrow(/locked/);
    excel.type(spec.name, `H${row}`, 'được phép');
    // Status dropdown and the 0–100 rule.
    const status = s.validations.find((v) => v.range.startsWith('F'));
    expect(status?.rule).toEqual({
      list: {
        inCellDropDown: true,
        source:
          COLUMNS[5]?.fixed === false && 'input' in COLUMNS[5] && COLUMNS[5].input.type === 'list'
            ? COLUMNS[5].input.values.join(',')
            : '',
      },
    });
    const percent = s.validations.find((v) => v.range.startsWith('G'));
    expect(percent?.rule).toEqual({ decimal: { formula1: 0, formula2: 100, operator: 'Between' } });
    expect(s.widths.get('B')).toBeGreaterThan(s.widths.get('A') ?? Infinity);
  });

  it('text-formats the free-text columns, so typed dates and percentages stay as typed', async () => {
    await createSheet(spec, { validation: true });
    const textCols = COLUMNS.flatMap((c, i) =>
      isTextColumn(c) ? [String.fromCharCode(65 + i)] : [],
    );
    expect(textCols).toEqual(['H', 'I', 'J', 'K']);
    for (const col of textCols) {
      expect(excel.numberFormat(spec.name, `${col}${row}`)).toBe('@');
      expect(excel.numberFormat(spec.name, `${col}${layout.lastRow}`)).toBe('@');
    }
    expect(excel.numberFormat(spec.name, `G${row}`)).toBe('General');
    excel.typeAsUser(spec.name, `H${row}`, '15/3/2026');
    excel.typeAsUser(spec.name, `J${row}`, '100%');
    expect(excel.value(spec.name, `H${row}`)).toBe('15/3/2026');
    expect(excel.value(spec.name, `J${row}`)).toBe('100%');
    // The percent column stays a number a person types.
    excel.typeAsUser(spec.name, `G${row}`, '40');
    expect(excel.value(spec.name, `G${row}`)).toBe(40);
  });

  it('never leaves a half-built sheet under the real name; the next press builds it whole', async () => {
    excel.faults.push({ what: 'dataValidation', code: 'GeneralException' });
    const e = await createSheet(spec, { validation: true }).catch((x: unknown) => x);
    expect((e as OfficeFailure).kind).toBe('busy');
    expect(excel.sheets.map((s) => s.name)).toEqual(['Sheet1']);
    // A failure that also stops the clean-up leaves only the sheet under its building name…
    excel.faults.push({ what: 'deleteSheet', code: 'GeneralException' });
    excel.sheets.push({
      ...excel.sheet('Sheet1'),
      name: buildingName(spec.name),
      cells: new Map(),
    });
    excel.faults = [];
    expect(await createSheet(spec, { validation: true })).toBe('created');
    // …which the next press deletes before building.
    expect(excel.sheets.map((s) => s.name)).toEqual(['Sheet1', spec.name]);
    const s = excel.sheet(spec.name);
    expect(s.protected).toBe(true);
    expect(excel.value(spec.name, `B${row}`)).toBe(first.fixed.content);
    expect(excel.active).toBe(spec.name);
  });

  it('fits the task rows to their text instead of fixing a height, so they grow as text is typed', async () => {
    await createSheet(spec, { validation: true });
    const ops = excel.writes.filter(
      (w) => w.sheet === buildingName(spec.name) || w.sheet === spec.name,
    );
    expect(ops.filter((w) => w.op === 'rowHeight')).toEqual([]);
    expect(ops.filter((w) => w.op === 'autofitRows').map((w) => w.range)).toEqual([spec.taskRows]);
  });

  it('leaves data validation out when the host lacks ExcelApi 1.8', async () => {
    await createSheet(spec, { validation: false });
    expect(excel.sheet(spec.name).validations).toEqual([]);
  });

  it('activates an existing sheet and never overwrites it', async () => {
    await createSheet(spec, { validation: true });
    excel.type(spec.name, `H${row}`, 'Nội dung đã nhập');
    excel.active = 'Sheet1';
    const before = excel.writes.length;
    expect(await createSheet(spec, { validation: true })).toBe('activated');
    expect(lastRun()).toBe(2);
    expect(excel.active).toBe(spec.name);
    expect(excel.writes.slice(before).map((w) => w.op)).toEqual(['activate']);
    expect(excel.value(spec.name, `H${row}`)).toBe('Nội dung đã nhập');
  });
});

describe('checkActiveSheet', () => {
  beforeEach(async () => {
    await createSheet(spec, { validation: true });
  });

  it('reads the sheet in one batch and highlights the wrong cells: two syncs', async () => {
    fillValid();
    excel.type(spec.name, `F${row}`, 'Xong rồi'); // not a status
    excel.type(spec.name, `G${row}`, 140); // over 100
    const { result } = await check();
    expect(lastRun()).toBeLessThanOrEqual(2);
    const cells = result.validation.findings
      .filter((f) => f.severity === 'error')
      .map((f) => f.cell);
    expect(cells).toEqual(expect.arrayContaining([`F${row}`, `G${row}`]));
    expect(result.validation.submission).toBeNull();
    expect(excel.shownFill(spec.name, `F${row}`)).toBe(HIGHLIGHT.error);
    expect(excel.shownFill(spec.name, `G${row}`)).toBe(HIGHLIGHT.error);
    expect(excel.shownFill(spec.name, `H${row}`)).toBeUndefined();
    // Protection is back on after marking.
    expect(excel.sheet(spec.name).protected).toBe(true);
  });

  it('clears its highlights once fixed and gives back the user’s own fill', async () => {
    fillValid();
    excel.paint(spec.name, `F${row}`, '#C6EFCE'); // the clerk's own colour
    excel.type(spec.name, `F${row}`, 'Xong rồi');
    await check();
    expect(excel.shownFill(spec.name, `F${row}`)).toBe(HIGHLIGHT.error);
    excel.type(spec.name, `F${row}`, 'Hoàn thành');
    excel.type(spec.name, `G${row}`, 100);
    const { result } = await check();
    expect(lastRun()).toBeLessThanOrEqual(2);
    expect(result.validation.errors).toBe(0);
    expect(result.validation.submission?.rows.length).toBe(layout.tasks.length);
    expect(excel.shownFill(spec.name, `F${row}`)).toBe('#C6EFCE');
    expect(excel.sheet(spec.name).rules).toEqual([]);
  });

  it('keeps conditional formats that are not its own', async () => {
    fillValid();
    const s = excel.sheet(spec.name);
    s.rules.push({ id: 999, range: `H${row}`, type: 'Custom', formula: '=H7=""', fill: '#ABCDEF' });
    s.rules.push({ id: 998, range: `G${row}`, type: 'DataBar', formula: '', fill: '' });
    excel.type(spec.name, `F${row}`, 'sai');
    await check();
    excel.type(spec.name, `F${row}`, 'Hoàn thành');
    excel.type(spec.name, `G${row}`, 100);
    await check();
    expect(s.rules.map((r) => r.id).sort()).toEqual([998, 999]);
    expect(s.rules.every((r) => !r.formula.includes(HIGHLIGHT_MARK))).toBe(true);
  });

  it('stays within two syncs on a sheet full of mistakes', async () => {
    for (const t of layout.tasks) {
      excel.type(spec.name, `F${t.row}`, 'không rõ');
      excel.type(spec.name, `G${t.row}`, -5);
      excel.type(spec.name, `H${t.row}`, '#N/A');
    }
    const { result } = await check();
    expect(lastRun()).toBeLessThanOrEqual(2);
    expect(result.validation.errors).toBeGreaterThanOrEqual(layout.tasks.length * 2);
    // Neighbouring cells of a column become one rule, not one per cell.
    expect(excel.sheet(spec.name).rules.length).toBeLessThanOrEqual(3);
    await check();
    expect(lastRun()).toBeLessThanOrEqual(2);
  });

  it('makes one sync and no writes on a clean sheet with nothing to clear', async () => {
    fillValid();
    const before = excel.writes.length;
    const { result } = await check();
    expect(result.validation.ok).toBe(true);
    expect(lastRun()).toBe(1);
    expect(excel.writes.length).toBe(before);
  });

  it('checks whichever sheet is active, an empty one included', async () => {
    excel.active = 'Sheet1';
    const { result, snapshot } = await check();
    expect(snapshot.sheet).toBe('Sheet1');
    expect(result.validation.errors).toBeGreaterThan(0);
    expect(groupFindings(result.validation.findings).errors[0]?.code).toBeTruthy();
  });
});

describe('receipts and selection', () => {
  it('leaves the receipts sheet protected when writing a receipt fails midway', async () => {
    await recordReceipt(receipt(1));
    excel.faults.push({ what: 'values', code: 'GeneralException' });
    await expect(recordReceipt(receipt(2))).rejects.toThrow();
    excel.faults = [];
    expect(excel.sheet(RECEIPTS_SHEET).protected).toBe(true);
  });

  it('records receipts in a protected sheet that survives, oldest first', async () => {
    // The first receipt of a new workbook: the sheet is asked for nothing
    // before it exists (the stand-in, as Excel, fails a batch that does).
    await recordReceipt(receipt(1));
    expect(lastRun()).toBe(2);
    // Later ones read the used range of the existing sheet: one sync more.
    await recordReceipt(receipt(2));
    expect(lastRun()).toBe(3);
    const s = excel.sheet(RECEIPTS_SHEET);
    expect(s.protected).toBe(true);
    expect(excel.value(RECEIPTS_SHEET, 'C3')).toBe(2);
    const rows = await readReceipts();
    // Whether the sheet exists, then its used range: a null object is asked nothing.
    expect(lastRun()).toBe(2);
    expect(rows.map((r) => r[2])).toEqual([1, 2]);
    expect(rows[1]?.[4]).toBe('b'.repeat(64));
  });

  it('reads no receipts from a workbook without the sheet', async () => {
    expect(await readReceipts()).toEqual([]);
  });

  it('selects a finding’s cell on its sheet', async () => {
    await createSheet(spec, { validation: true });
    excel.active = 'Sheet1';
    await selectCell(spec.name, `G${row}`);
    expect(excel.active).toBe(spec.name);
    expect(excel.selected).toBe(`${spec.name}!G${row}`);
    expect(lastRun()).toBe(1);
  });
});

describe('editing and Excel’s errors', () => {
  it('passes delayForCellEdit to every Excel.run', async () => {
    await createSheet(spec, { validation: true });
    await check();
    await selectCell(spec.name, `G${row}`);
    await recordReceipt(receipt(1));
    await readReceipts();
    expect(excel.runOptions.length).toBe(5);
    for (const o of excel.runOptions) expect(o).toEqual({ delayForCellEdit: true });
  });

  it('waits for a cell being edited instead of failing', async () => {
    await createSheet(spec, { validation: true });
    fillValid();
    excel.cellEditMode = true;
    const { result } = await check();
    expect(result.validation.ok).toBe(true);
    expect(excel.cellEditMode).toBe(false);
  });

  it('on a host below ExcelApi 1.11 a press while editing a cell says to finish editing', async () => {
    await createSheet(spec, { validation: true });
    fillValid();
    excel.honoursDelayForCellEdit = false;
    excel.cellEditMode = true;
    const failure = await check().catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(OfficeFailure);
    expect((failure as OfficeFailure).kind).toBe('cellEdit');
    expect((failure as OfficeFailure).retryable).toBe(true);
  });

  it('explains a missing sheet and a read-only workbook in both languages, Excel’s text as detail', async () => {
    const missing = await selectCell('Không có', 'A1').catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(OfficeFailure);
    const notFound = missing as OfficeFailure;
    expect(notFound.kind).toBe('notFound');
    expect(notFound.text.vi).toMatch(/Không tìm thấy trang tính/);
    expect(notFound.text.en).toMatch(/not found/);
    expect(notFound.detail).toMatch(/^ItemNotFound/);
    excel.readOnly = true;
    const refused = (await createSheet(spec, { validation: true }).catch(
      (e: unknown) => e,
    )) as OfficeFailure;
    expect(refused.kind).toBe('readOnly');
    expect(refused.text.vi).toMatch(/chỉ đọc/);
    expect(refused.detail).toMatch(/AccessDenied/);
  });

  it('gives each Office error code a kind that says what to do', () => {
    const err = (code: string) => Object.assign(new Error(`Excel said ${code}`), { code });
    expect(officeFailure(err('InvalidOperationInCellEditMode')).kind).toBe('cellEdit');
    expect(officeFailure(err('InvalidOperationInCellEditMode')).retryable).toBe(true);
    expect(officeFailure(err('InvalidOperation')).kind).toBe('refused');
    expect(officeFailure(err('AccessDenied')).kind).toBe('readOnly');
    expect(officeFailure(err('ItemNotFound')).kind).toBe('notFound');
    expect(officeFailure(err('GeneralException')).kind).toBe('busy');
    expect(officeFailure(err('UnsupportedOperation')).kind).toBe('unsupported');
    expect(officeFailure(new Error('no code at all')).kind).toBe('busy');
    // A null object acted on, and a method the host lacks.
    expect(officeFailure(err('InvalidObjectPath')).kind).toBe('notFound');
    expect(officeFailure(new TypeError('Excel.createWorkbook is not a function')).kind).toBe(
      'unsupported',
    );
    const f = officeFailure(err('AccessDenied'));
    expect(f.detail).toBe('AccessDenied: Excel said AccessDenied');
    expect(f.text.vi).not.toMatch(/AccessDenied/);
  });
});

describe('the stand-in is as strict as Excel', () => {
  type Ctx = {
    workbook: {
      worksheets: { getItem(n: string): { getRange(a: string): { values: unknown[][] } } };
    };
    sync(): Promise<void>;
  };
  const run = <T>(batch: (c: Ctx) => Promise<T>, options?: { delayForCellEdit?: boolean }) =>
    (g.Excel as { run: (o: unknown, b?: unknown) => Promise<T> }).run(
      ...((options ? [options, batch] : [batch]) as [unknown, unknown?]),
    );

  it('fails a batch without delayForCellEdit while a cell is edited', async () => {
    excel.cellEditMode = true;
    const e = await run(async (c) => {
      c.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [['x']];
      await c.sync();
    }).catch((x: unknown) => x);
    expect(String(e)).toMatch(/InvalidOperationInCellEditMode/);
    expect(excel.value('Sheet1', 'A1')).toBe('');
  });

  it('stops a batch at its first failure, keeping what ran before it', async () => {
    const e = await run(
      async (c) => {
        const ws = c.workbook.worksheets.getItem('Sheet1');
        ws.getRange('A1').values = [['trước']];
        ws.getRange('A2:B2').values = [['chỉ một ô']]; // wrong shape
        ws.getRange('A3').values = [['sau']];
        await c.sync();
      },
      { delayForCellEdit: true },
    ).catch((x: unknown) => x);
    expect(String(e)).toMatch(/InvalidArgument/);
    expect(excel.value('Sheet1', 'A1')).toBe('trước');
    expect(excel.value('Sheet1', 'A3')).toBe('');
  });

  it('converts what is typed into a General cell, not into a text cell', () => {
    excel.typeAsUser('Sheet1', 'A1', '15/3/2026');
    excel.typeAsUser('Sheet1', 'A2', '100%');
    excel.typeAsUser('Sheet1', 'A3', '2.5');
    excel.sheet('Sheet1').cells.set('B1', { value: '', numberFormat: '@' });
    excel.typeAsUser('Sheet1', 'B1', '15/3/2026');
    expect(excel.value('Sheet1', 'A1')).toBe(46096);
    expect(excel.value('Sheet1', 'A2')).toBe(1);
    expect(excel.numberFormat('Sheet1', 'A2')).toBe('0%');
    expect(excel.value('Sheet1', 'A3')).toBe(2.5);
    expect(excel.value('Sheet1', 'B1')).toBe('15/3/2026');
  });
});

describe('only progress sheets are touched; undo survives', () => {
  it('leaves a sheet that is not a progress sheet alone and says so', async () => {
    excel.type('Sheet1', 'A1', 'Sổ chi tiêu của tôi');
    excel.type('Sheet1', 'B2', 'sai');
    excel.sheet('Sheet1').protected = true;
    const before = excel.writes.length;
    const out = await check();
    expect(out.notProgressSheet).toBe(true);
    expect(NOT_PROGRESS_SHEET.vi).toMatch(/^Trang tính này không phải biểu mẫu báo cáo/);
    expect(excel.writes.length).toBe(before);
    expect(excel.sheet('Sheet1').rules).toEqual([]);
    expect(excel.undoCleared).toBe(false);
  });

  it('changes nothing, protection included, when the highlights are already right', async () => {
    await createSheet(spec, { validation: true });
    fillValid();
    excel.type(spec.name, `F${row}`, 'Xong rồi');
    await check();
    expect(excel.shownFill(spec.name, `F${row}`)).toBe(HIGHLIGHT.error);
    excel.undoCleared = false;
    const before = excel.writes.length;
    await check();
    expect(excel.writes.length).toBe(before);
    expect(excel.undoCleared).toBe(false);
    expect(excel.shownFill(spec.name, `F${row}`)).toBe(HIGHLIGHT.error);
  });

  it('leaves the sheet protected when marking fails midway', async () => {
    await createSheet(spec, { validation: true });
    fillValid();
    excel.type(spec.name, `F${row}`, 'Xong rồi');
    excel.faults.push({ what: 'conditionalFormats.add', code: 'GeneralException' });
    const out = await check();
    expect(out.highlightError?.kind).toBe('busy');
    expect(out.result.validation.errors).toBeGreaterThan(0);
    expect(excel.sheet(spec.name).protected).toBe(true);
  });

  it('reports a sheet protected with a password, which it cannot mark', async () => {
    await createSheet(spec, { validation: true });
    fillValid();
    excel.type(spec.name, `F${row}`, 'Xong rồi');
    excel.sheet(spec.name).protected = false;
    excel.protectWithPassword(spec.name, 'bí mật');
    const out = await check();
    expect(out.highlightError?.kind).toBe('passwordProtected');
    expect(out.highlightError?.text.vi).toMatch(/mật khẩu/);
    expect(excel.sheet(spec.name).protected).toBe(true);
    expect(excel.sheet(spec.name).rules).toEqual([]);
  });
});

describe('notes on cells', () => {
  const second = layout.tasks[1];
  if (!second) throw new Error('the fixture agency has two tasks');
  const placed = placeNotes(layout, [
    { taskId: first.taskId, field: 'percent', text: 'Tỷ lệ chưa khớp kết quả.' },
    { taskId: second.taskId, field: null, text: 'Bổ sung cả dòng.' },
    { taskId: 'KHÔNG-CÓ', field: 'status', text: 'Mục không còn trong kế hoạch.' },
  ]);

  it('places a field note on its cell and a task note on its row’s fillable cells', () => {
    expect(placed.map((p) => [p.cell, p.range])).toEqual([
      [`G${row}`, `G${row}`],
      [`F${second.row}`, `F${second.row}:K${second.row}`],
    ]);
  });

  it('marks the cells with its own rules, keeping the clerk’s fill and protection', async () => {
    await createSheet(spec, { validation: true });
    excel.paint(spec.name, `H${second.row}`, '#C6EFCE'); // the clerk's own colour
    excel.active = 'Sheet1';
    expect(await markNotes(spec.name, noteRanges(placed))).toBe(true);
    expect(lastRun()).toBe(3);
    expect(excel.shownFill(spec.name, `G${row}`)).toBe(NOTE_FILL);
    expect(excel.shownFill(spec.name, `H${second.row}`)).toBe(NOTE_FILL);
    expect(excel.shownFill(spec.name, `F${row}`)).toBeUndefined();
    expect(excel.sheet(spec.name).protected).toBe(true);
    // Marking does not take the clerk away from the sheet they are on.
    expect(excel.active).toBe('Sheet1');

    // Unchanged marks: read only, nothing written (Excel's undo history stays).
    const before = excel.writes.length;
    expect(await markNotes(spec.name, noteRanges(placed))).toBe(true);
    expect(lastRun()).toBe(2);
    expect(excel.writes.length).toBe(before);

    // A check leaves the notes' marks; clearing them gives back the clerk's fill.
    excel.active = spec.name;
    await check();
    expect(excel.shownFill(spec.name, `G${row}`)).toBe(NOTE_FILL);
    await markNotes(spec.name, []);
    expect(excel.shownFill(spec.name, `G${row}`)).toBeUndefined();
    expect(excel.shownFill(spec.name, `H${second.row}`)).toBe('#C6EFCE');
    expect(excel.sheet(spec.name).rules.some((r) => r.formula.includes(NOTE_MARK))).toBe(false);
    expect(excel.sheet(spec.name).protected).toBe(true);
  });

  it('answers false and writes nothing when the sheet is not there', async () => {
    const before = excel.writes.length;
    expect(await markNotes(spec.name, noteRanges(placed))).toBe(false);
    expect(lastRun()).toBe(1);
    expect(excel.writes.length).toBe(before);
  });
});

describe('fillSheet (Nạp báo cáo đã gửi)', () => {
  const sent = {
    rows: layout.tasks.map((t, i) => {
      const v = validFill(t, i);
      return {
        taskId: t.taskId,
        role: t.role,
        status: 'in-progress' as const,
        percent: 10 + i,
        result: `Kết quả ${i + 1}`,
        completedProducts: '',
        difficulties: '',
        proposals: String(v.proposals ?? ''),
      };
    }),
  };
  const block = fillBlock(layout, submissionFill(sent));
  if (!block) throw new Error('the fixture agency has tasks');

  it('writes only the unlocked fillable cells of a blank sheet, in two syncs', async () => {
    await createSheet(spec, { validation: true });
    const before = excel.writes.length;
    expect(await fillSheet(spec.name, block.range, block.values, { overwrite: false })).toEqual({
      written: true,
    });
    expect(lastRun()).toBe(2);
    const values = excel.writes.slice(before).filter((w) => w.op === 'values');
    expect(values.map((w) => w.range)).toEqual([`F${row}:K${layout.lastRow}`]);
    expect(excel.value(spec.name, `F${row}`)).toBe('Đang triển khai');
    expect(excel.value(spec.name, `G${row}`)).toBe(10);
    expect(excel.value(spec.name, `H${row}`)).toBe('Kết quả 1');
    // The fixed cells and the protection are as they were.
    expect(excel.value(spec.name, `B${row}`)).toBe(first.fixed.content);
    expect(excel.sheet(spec.name).protected).toBe(true);
    // What was written checks as the version sent.
    const { result } = await check();
    expect(result.validation.submission?.rows[0]).toMatchObject({
      status: 'in-progress',
      percent: 10,
    });
  });

  it('stops before overwriting what the clerk typed, and writes once told to', async () => {
    await createSheet(spec, { validation: true });
    excel.type(spec.name, `H${row}`, 'đã gõ');
    excel.type(spec.name, `G${row}`, 10); // the same as the version: not counted
    const before = excel.writes.length;
    expect(await fillSheet(spec.name, block.range, block.values, { overwrite: false })).toEqual({
      written: false,
      typed: 1,
    });
    expect(lastRun()).toBe(1);
    expect(excel.writes.length).toBe(before);
    expect(excel.value(spec.name, `H${row}`)).toBe('đã gõ');
    await fillSheet(spec.name, block.range, block.values, { overwrite: true });
    expect(excel.value(spec.name, `H${row}`)).toBe('Kết quả 1');
  });

  it('fails on a range holding locked cells, writing nothing (the protection stands)', async () => {
    await createSheet(spec, { validation: true });
    const wide = block.values.map((r) => ['x', ...r]);
    await expect(
      fillSheet(spec.name, `E${row}:K${layout.lastRow}`, wide, { overwrite: true }),
    ).rejects.toBeInstanceOf(OfficeFailure);
    expect(excel.value(spec.name, `E${row}`)).toBe(first.fixed.timeline);
    expect(excel.value(spec.name, `F${row}`)).toBe('');
  });
});
