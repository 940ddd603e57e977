// An agency's blank progress sheet for a period, as .xlsx: the one layout of
// shared/layout (buildLayout + layoutToGrid, the same the add-in inserts)
// with print formatting, the fixed cells locked, the fillable cells unlocked
// in a protected sheet, and each fillable column's rule (COLUMNS[].input) as
// Excel data validation. For staff who cannot use the add-in.
import {
  buildLayout,
  COLUMNS,
  type Column,
  FIRST_TASK_ROW,
  HEADER_ROW,
  inputRules,
  isTextColumn,
  layoutToGrid,
  META_LOOK,
  META_ROW,
  type PeriodInfo,
  rangeAddress,
  type SheetLayout,
  type TaskRowLayout,
  TEXT_NUMBER_FORMAT,
  TITLE_ROWS,
} from '../../../shared/layout/index.ts';
import { titleRowsWithNote } from '../../../shared/layout/started-from.ts';
import type { Plan } from '../../../shared/plan/plan.ts';
import type {
  Cell,
  DataValidation,
  PrintSetup,
  Row,
  Sheet,
  Style,
  Workbook,
} from '../xlsx/types.ts';
import {
  CLOSE_FIT,
  cell,
  fitRowHeights,
  landscape,
  style,
  TABLE_HEADER,
  withPageNumbers,
} from './common.ts';

/** Two lines of 11 pt text: room to write in a blank row, on screen and on paper. */
const MIN_TASK_ROW_HEIGHT = 31;
/** One line of the metadata cell's small type. */
const META_ROW_HEIGHT = 12;

/**
 * A4 landscape, every column on one page width, the header row on every
 * page, side margins of 0.3" (the columns' widths are chosen for them:
 * shared/layout/columns.ts).
 */
const PRINT: PrintSetup = {
  ...landscape([HEADER_ROW, HEADER_ROW]),
  margins: { left: 0.3, right: 0.3, top: 0.5, bottom: 0.5 },
};

const S = {
  title: style(14, { bold: true, horizontal: 'center', vertical: 'center', wrap: true }),
  subtitle: style(12, { bold: true, horizontal: 'center', vertical: 'center', wrap: true }),
  info: style(12, { vertical: 'center', wrap: true }),
  meta: style(META_LOOK.size, {
    italic: META_LOOK.italic,
    color: META_LOOK.color,
    vertical: 'center',
  }),
  th: TABLE_HEADER,
  fixed: style(11, { border: true, wrap: true, vertical: 'top', fill: 'F2F2F2' }),
  fixedCenter: style(11, {
    border: true,
    wrap: true,
    vertical: 'top',
    horizontal: 'center',
    fill: 'F2F2F2',
  }),
  // Free text: Excel's Text format, so typed dates and percentages stay as typed.
  fill: style(11, {
    border: true,
    wrap: true,
    vertical: 'top',
    locked: false,
    numberFormat: TEXT_NUMBER_FORMAT,
  }),
  fillCenter: style(11, {
    border: true,
    wrap: true,
    vertical: 'top',
    horizontal: 'center',
    locked: false,
  }),
} satisfies Record<string, Style>;

const TITLE_STYLES: Style[] = [S.title, S.subtitle, S.info, S.info];

function fillStyle(c: Column): Style {
  if (c.fixed) return c.key === 'tt' || c.key === 'role' ? S.fixedCenter : S.fixed;
  return isTextColumn(c) ? S.fill : S.fillCenter;
}

/** The Excel rule for each fillable column of the task rows (COLUMNS[].input). */
export function templateValidations(layout: SheetLayout): DataValidation[] {
  return inputRules(layout);
}

/** What goes in a template besides the layout. */
export interface TemplateOptions {
  /** The fillable cells of each task row (a stored version, or a carried-forward start). */
  fill?: (task: TaskRowLayout) => Partial<Record<string, string | number>>;
  /** A line added to the last title row, e.g. the report a sheet was started from. */
  note?: string;
}

/**
 * The sheet the layout describes: title rows, metadata, header, task rows,
 * the task rows' fillable cells from `options.fill` (blank without it).
 */
export function templateSheet(layout: SheetLayout, options: TemplateOptions = {}): Sheet {
  const titleRows = options.note
    ? titleRowsWithNote(layout.titleRows, options.note)
    : layout.titleRows;
  const grid = layoutToGrid({ ...layout, titleRows }, options.fill);
  const n = layout.columnCount;
  const lastCol = (row: number) => rangeAddress(row, 1, row, n);
  const rows: Row[] = [];
  const merges: string[] = [];
  grid.forEach((values, i) => {
    const index = i + 1;
    if (index <= TITLE_ROWS) {
      rows.push({ index, cells: [cell(values[0], TITLE_STYLES[i])] });
      merges.push(lastCol(index));
    } else if (index === META_ROW) {
      rows.push({ index, cells: [cell(values[0], S.meta)] });
      merges.push(lastCol(index));
    } else if (index === HEADER_ROW) {
      rows.push({ index, cells: values.map((v) => cell(v, S.th)) });
    } else {
      const cells: Cell[] = values.map((v, j) => {
        const c = COLUMNS[j] as Column;
        return cell(v, fillStyle(c));
      });
      rows.push({ index, cells });
    }
  });
  const sheet = fitRowHeights(
    {
      name: layout.sheetName,
      rows,
      merges,
      columns: COLUMNS.map((c) => ({ width: c.width })),
      freeze: { row: FIRST_TASK_ROW, col: 1 },
      print: PRINT,
      dataValidations: templateValidations(layout),
      protect: true,
    },
    CLOSE_FIT,
  );
  for (const row of sheet.rows) {
    if (row.index === META_ROW) row.height = META_ROW_HEIGHT;
    // Task rows start fitted to their text, with room to write in, and
    // grow: Excel refits a row without a fixed height as text is typed.
    if (row.index >= FIRST_TASK_ROW) {
      row.height = Math.max(row.height ?? 0, MIN_TASK_ROW_HEIGHT);
      row.grows = true;
    }
  }
  return sheet;
}

/**
 * An agency's progress sheet for a period as a workbook: blank, or with the
 * cells `options.fill` gives (the same writer serves template.xlsx, a stored
 * version and a carried-forward start). Throws LayoutError for an agency
 * not in `plan`.
 */
export function buildTemplateWorkbook(
  plan: Plan,
  agencyCode: string,
  period: PeriodInfo,
  options: TemplateOptions = {},
): Workbook {
  const layout = buildLayout(plan, agencyCode, period);
  const agency = plan.agency(agencyCode);
  return {
    title: `Báo cáo ${plan.def.number} — ${agency?.name ?? agencyCode} — ${period.label.vi}`,
    creator: plan.coordinator.name,
    // Numbered like the merged workbook's sheets: a filled template can run to many pages.
    sheets: [withPageNumbers(templateSheet(layout, options))],
  };
}
