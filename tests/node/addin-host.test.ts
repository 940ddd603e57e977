// The Office module (addin/src/office/host.ts) against the stand-in Excel
// object model: what each operation writes, and that it stays within its
// context.sync() budget whatever the sheet's size.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { analyse } from '../../addin/src/check.ts';
import {
  checkActiveSheet,
  createSheet,
  HIGHLIGHT_MARK,
  RECEIPTS_SHEET,
  readReceipts,
  recordReceipt,
  selectCell,
} from '../../addin/src/office/host.ts';
import { HIGHLIGHT } from '../../addin/src/sheet/highlights.ts';
import { sheetSpec } from '../../addin/src/sheet/spec.ts';
import { COLUMNS, cellOf, layoutToGrid } from '../../shared/layout/index.ts';
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
  it('records receipts in a protected sheet that survives, oldest first', async () => {
    await recordReceipt([
      '2026-Q1',
      AGENCY,
      1,
      '2026-03-17T02:00:00.000Z',
      'a'.repeat(64),
      spec.name,
    ]);
    expect(lastRun()).toBe(2);
    await recordReceipt([
      '2026-Q1',
      AGENCY,
      2,
      '2026-03-18T02:00:00.000Z',
      'b'.repeat(64),
      spec.name,
    ]);
    expect(lastRun()).toBe(2);
    const s = excel.sheet(RECEIPTS_SHEET);
    expect(s.protected).toBe(true);
    expect(excel.value(RECEIPTS_SHEET, 'C3')).toBe(2);
    const rows = await readReceipts();
    expect(lastRun()).toBe(1);
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
