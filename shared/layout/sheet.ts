// The one progress-sheet layout: every producer (the add-in's "Tạo biểu
// mẫu", the .xlsx template) and every checker (the validator, the upload
// reader) builds on buildLayout().
//
//   row 1  title                                  (merged across the table)
//   row 2  the plan's short title
//   row 3  Cơ quan báo cáo: <agency>
//   row 4  Kỳ báo cáo: <period label> (cut-off window); hạn nộp <due>
//   row 5  metadata cell (metadata.ts)
//   row 6  header row
//   row 7… one row per assigned task, appendix order
//
// Only the header, the metadata and the task rows are checked: the title
// rows are for people (the due date in row 4 may change after download).
import type { TaskRole } from '../plan/assignments.ts';
import type { Plan } from '../plan/plan.ts';
import { viDate } from '../text/vi-format.ts';
import { address, rangeAddress } from './a1.ts';
import { COLUMN_INDEX, COLUMNS, ROLE_LABELS } from './columns.ts';
import { formatMetadata, type SheetMetadata } from './metadata.ts';

export const LAYOUT_VERSION = 1;
/** Layout versions this code can read. */
export const SUPPORTED_LAYOUT_VERSIONS: readonly number[] = [1];

export const TITLE_ROWS = 4;
export const META_ROW = 5;
export const HEADER_ROW = 6;
export const FIRST_TASK_ROW = 7;

/** The subset of a report period the layout prints (see shared/periods). */
export interface PeriodInfo {
  code: string;
  label: { vi: string };
  cutoff: { from: string; to: string };
  due: string;
}

export interface TaskRowLayout {
  /** 1-based sheet row. */
  row: number;
  taskId: string;
  role: TaskRole;
  /** The fixed cells, as written and as compared (after folding). */
  fixed: { tt: string; content: string; role: string; product: string; timeline: string };
}

export interface SheetLayout {
  version: number;
  sheetName: string;
  metadata: SheetMetadata;
  titleRows: readonly string[];
  metadataText: string;
  header: readonly string[];
  tasks: readonly TaskRowLayout[];
  /** 1-based last row of the table (the header row when there are no tasks). */
  lastRow: number;
  columnCount: number;
  /** Ranges (A1) useful to the producers. */
  ranges: {
    table: string;
    header: string;
    fill: string | null;
    status: string | null;
    percent: string | null;
    text: string | null;
  };
}

/** Excel sheet names: at most 31 characters, none of : \ / ? * [ ]. */
export function sheetName(agencyCode: string, periodCode: string): string {
  const safe = (s: string) => s.replace(/[:\\/?*[\]]/g, '-');
  const tail = ` ${safe(periodCode)}`;
  return safe(agencyCode).slice(0, 31 - tail.length) + tail;
}

export class LayoutError extends Error {
  constructor(vi: string, en: string) {
    super(`${vi} / ${en}`);
    this.name = 'LayoutError';
  }
}

/**
 * The layout of `agencyCode`'s progress sheet for `period`. `options.agencyName`
 * puts the agency's current name (as the Worker holds it, after a rename) in
 * the title instead of the plan's; nothing that is checked depends on it.
 * Throws LayoutError for an agency the plan does not have.
 */
export function buildLayout(
  plan: Plan,
  agencyCode: string,
  period: PeriodInfo,
  options: { agencyName?: string } = {},
): SheetLayout {
  const agency = plan.agency(agencyCode);
  if (!agency) {
    throw new LayoutError(
      `Không có cơ quan mã “${agencyCode}” trong kế hoạch ${plan.def.number}`,
      `No agency with code “${agencyCode}” in plan ${plan.def.number}`,
    );
  }
  const metadata: SheetMetadata = {
    plan: plan.id,
    agency: agency.code,
    period: period.code,
    layout: LAYOUT_VERSION,
  };
  const tasks: TaskRowLayout[] = plan.tasksFor(agency.code).map(({ task, role }, i) => ({
    row: FIRST_TASK_ROW + i,
    taskId: task.id,
    role,
    fixed: {
      tt: task.id,
      content: task.content,
      role: ROLE_LABELS[role].vi,
      product: task.product,
      timeline: task.timeline,
    },
  }));
  const lastRow = HEADER_ROW + tasks.length;
  const n = COLUMNS.length;
  const col = (key: keyof typeof COLUMN_INDEX) => COLUMN_INDEX[key] + 1;
  const body = (from: number, to: number) =>
    tasks.length ? rangeAddress(FIRST_TASK_ROW, from, lastRow, to) : null;
  return {
    version: LAYOUT_VERSION,
    sheetName: sheetName(agency.code, period.code),
    metadata,
    titleRows: [
      titleLine(plan.def.number, plan.def.shortTitle),
      plan.def.shortTitle,
      `Cơ quan báo cáo: ${options.agencyName ?? agency.name}`,
      `Kỳ báo cáo: ${period.label.vi} (số liệu từ ${viDate(period.cutoff.from)} đến ${viDate(
        period.cutoff.to,
      )}); hạn nộp: ${viDate(period.due)}`,
    ],
    metadataText: formatMetadata(metadata),
    header: COLUMNS.map((c) => c.header.vi),
    tasks,
    lastRow,
    columnCount: n,
    ranges: {
      table: rangeAddress(HEADER_ROW, 1, lastRow, n),
      header: rangeAddress(HEADER_ROW, 1, HEADER_ROW, n),
      fill: body(col('status'), n),
      status: body(col('status'), col('status')),
      percent: body(col('percent'), col('percent')),
      text: body(col('result'), n),
    },
  };
}

/**
 * Row 1 of the sheet: "BÁO CÁO KẾT QUẢ THỰC HIỆN", followed by "KẾ HOẠCH SỐ
 * <number>" only when row 2 (the plan's short title, e.g. "Kế hoạch số
 * 58/KH-UBND về …") does not already name the plan's number (issue 14: the
 * title is not to repeat it).
 */
export function titleLine(planNumber: string, shortTitle: string): string {
  const head = 'BÁO CÁO KẾT QUẢ THỰC HIỆN';
  return shortTitle.toLowerCase().includes(planNumber.toLowerCase())
    ? head
    : `${head} KẾ HOẠCH SỐ ${planNumber.toUpperCase()}`;
}

/** Where a task row's cell is, as an A1 address. */
export function cellOf(row: number, key: keyof typeof COLUMN_INDEX): string {
  return address(row, COLUMN_INDEX[key] + 1);
}

/**
 * The sheet as the values grid Excel's `range.values` returns for A1:K<last>:
 * every row the same width, empty cells as ''. `fill` supplies the agency's
 * values per task (a blank template when omitted).
 */
export function layoutToGrid(
  layout: SheetLayout,
  fill?: (task: TaskRowLayout) => Partial<Record<string, string | number | boolean>>,
): (string | number | boolean)[][] {
  const n = layout.columnCount;
  const line = (first: string | number | boolean = ''): (string | number | boolean)[] => {
    const r: (string | number | boolean)[] = new Array(n).fill('');
    r[0] = first;
    return r;
  };
  const grid = layout.titleRows.map((t) => line(t));
  grid.push(line(layout.metadataText));
  grid.push([...layout.header]);
  for (const t of layout.tasks) {
    const r = line();
    for (const [key, value] of Object.entries(t.fixed)) r[COLUMN_INDEX[key as 'tt']] = value;
    const values = fill?.(t) ?? {};
    for (const c of COLUMNS) {
      const v = values[c.key];
      if (!c.fixed && v !== undefined) r[COLUMN_INDEX[c.key]] = v;
    }
    grid.push(r);
  }
  return grid;
}
