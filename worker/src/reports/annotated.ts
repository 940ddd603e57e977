// A refused upload handed back marked up: the clerk's own values drawn on a
// fresh template, each cell a finding names filled (error red, warning
// amber) with a note giving the message in Vietnamese and English. For staff
// without the add-in, who otherwise get the findings as a list of addresses.
import { readCell } from '../../../shared/cell/index.ts';
import { address, parseAddress } from '../../../shared/layout/a1.ts';
import { buildLayout, COLUMNS, type PeriodInfo } from '../../../shared/layout/index.ts';
import type { Plan } from '../../../shared/plan/plan.ts';
import { type Finding, shownOf } from '../../../shared/validate/index.ts';
import type { SheetGrid } from '../../../shared/workbook/index.ts';
import type { Cell, Note, Row, Style, Workbook } from '../xlsx/types.ts';
import { style } from './common.ts';
import { buildTemplateWorkbook } from './template.ts';

/** Excel's own "Bad" and "Neutral" cell style fills. */
export const MARK_FILL = { error: 'FFC7CE', warning: 'FFEB9C' } as const;

const FILL_FROM = COLUMNS.findIndex((c) => !c.fixed);

/**
 * Where the clerk's table sits in their grid: the grid column of "TT" in the
 * header row, and each of the agency's tasks' grid row (found by its TT
 * cell). Null when there is no header.
 */
function locateTable(grid: SheetGrid, taskIds: ReadonlySet<string>) {
  const tt = COLUMNS[0]?.header.vi ?? 'TT';
  let left = -1;
  let header = -1;
  grid.values.some((row, r) => {
    const c = row.findIndex((v) => typeof v === 'string' && v.trim() === tt);
    if (c < 0) return false;
    left = c;
    header = r;
    return true;
  });
  if (left < 0) return null;
  const rows = new Map<string, number>();
  for (let r = header + 1; r < grid.values.length; r++) {
    const id = String(grid.values[r]?.[left] ?? '').trim();
    if (taskIds.has(id) && !rows.has(id)) rows.set(id, r);
  }
  return { left, rows };
}

/**
 * The marked-up workbook: `plan`'s template for `agency` and `period`, each
 * task row's fillable cells as the clerk's sheet showed them (matched by
 * the task's TT, wherever the clerk's row was), and each finding's cell
 * filled and noted. A finding on a task row moves with the row; any other
 * keeps its place relative to the table's TT column.
 */
export function buildAnnotatedWorkbook(
  plan: Plan,
  agency: string,
  period: PeriodInfo,
  grid: SheetGrid,
  findings: readonly Finding[],
): Workbook {
  const layout = buildLayout(plan, agency, period);
  const origin = parseAddress(grid.origin) ?? { row: 1, col: 1 };
  const table = locateTable(grid, new Set(layout.tasks.map((t) => t.taskId)));
  // The clerk's value as they saw it: a plain number in the percent column
  // stays a number (no "number stored as text"), anything else as displayed.
  const shown = (r: number, c: number, key: string): string | number => {
    const cell = readCell({
      value: grid.values[r]?.[c],
      formula: grid.formulas[r]?.[c],
      numberFormat: grid.numberFormats[r]?.[c],
      date1904: grid.date1904,
    });
    return key === 'percent' && cell.kind === 'number' && cell.scale === 1
      ? cell.value
      : shownOf(cell);
  };
  // Clerk's sheet row → template row, for the task rows found.
  const rowMap = new Map<number, number>();
  const errors = findings.filter((f) => f.severity === 'error').length;
  const workbook = buildTemplateWorkbook(plan, agency, period, {
    fill: (task) => {
      const r = table?.rows.get(task.taskId);
      if (r === undefined || !table) return {};
      rowMap.set(origin.row + r, task.row);
      const cells: Record<string, string | number> = {};
      COLUMNS.forEach((c, i) => {
        if (i >= FILL_FROM) cells[c.key] = shown(r, table.left + i, c.key);
      });
      return cells;
    },
    note: `Bản đánh dấu: ${errors} lỗi, ${findings.length - errors} cảnh báo (ô tô đỏ: lỗi; ô tô vàng: cảnh báo; di chuột vào ô để xem ghi chú). Sửa các ô tô màu rồi gửi lại.`,
  });
  const sheet = workbook.sheets[0];
  if (!sheet) return workbook;
  const colShift = origin.col + (table?.left ?? 0) - 1;

  // One note per cell; the worse severity colours it.
  const marks = new Map<string, { row: number; col: number; error: boolean; lines: string[] }>();
  for (const f of findings) {
    const at = parseAddress(f.cell);
    if (!at) continue;
    const row = rowMap.get(at.row) ?? at.row;
    const col = Math.max(1, at.col - colShift);
    const key = address(row, col);
    const mark = marks.get(key) ?? { row, col, error: false, lines: [] };
    mark.error ||= f.severity === 'error';
    mark.lines.push(
      f.severity === 'error'
        ? `Lỗi: ${f.message.vi}\nError: ${f.message.en}`
        : `Cảnh báo: ${f.message.vi}\nWarning: ${f.message.en}`,
    );
    marks.set(key, mark);
  }
  const notes: Note[] = [];
  for (const [cell, m] of marks) {
    markCell(sheet.rows, m.row, m.col, m.error ? MARK_FILL.error : MARK_FILL.warning);
    notes.push({ cell, text: m.lines.join('\n\n') });
  }
  sheet.rows.sort((a, b) => a.index - b.index);
  sheet.notes = notes;
  return workbook;
}

/** Fills cell (row, col) with `fill`, keeping its value and the rest of its style. */
function markCell(rows: Row[], row: number, col: number, fill: string): void {
  let r = rows.find((x) => x.index === row);
  if (!r) {
    r = { index: row, cells: [] };
    rows.push(r);
  }
  const c: Cell = r.cells[col - 1] ?? { value: null };
  const base: Style = c.style ?? style(11, { border: true });
  r.cells[col - 1] = { value: c.value, style: { ...base, fill } };
}
