// The title line of a sheet started from an earlier report (issue 13, carry
// forward): the Worker's template.xlsx?start=last-accepted and the task
// pane's "Tạo biểu mẫu" both add it to the last title row, in the same words.
import { periodName } from '../periods/period.ts';
import { type SheetLayout, TITLE_ROWS } from './sheet.ts';

/** "Bắt đầu từ báo cáo kỳ Quý I năm 2026 (2026-Q1), phiên bản 2, đã tiếp nhận". */
export function startedFromNote(from: { period: string; version: number }): string {
  return `Bắt đầu từ báo cáo kỳ ${periodName(from.period).vi}, phiên bản ${from.version}, đã tiếp nhận`;
}

/** `titleRows` with `note` as a second line of the last title row (row 4). */
export function titleRowsWithNote(titleRows: readonly string[], note: string): string[] {
  return titleRows.map((t, i) => (i === TITLE_ROWS - 1 ? `${t}\n${note}` : t));
}

/** `layout` with `note` in its title block (titleRowsWithNote). */
export function withTitleNote(layout: SheetLayout, note: string): SheetLayout {
  return { ...layout, titleRows: titleRowsWithNote(layout.titleRows, note) };
}
