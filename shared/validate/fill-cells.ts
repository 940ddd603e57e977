// The fillable cells of a task row: what the agency reports. Each is read the
// way Excel hands it over (cells.ts) and checked against the column's rule
// (layout/columns.ts) and against the row's other cells (status and percent
// agree; a started task says what was done).
import {
  COLUMN_INDEX,
  COLUMNS,
  type FillColumn,
  STATUSES,
  type StatusCode,
  type TextFillKey,
} from '../layout/columns.ts';
import type { TaskRowLayout } from '../layout/sheet.ts';
import { detectLegacyEncoding } from '../text/legacy.ts';
import { isExcelError, readPercent, readStatus, readText, show } from './cells.ts';
import type { CheckedGrid, ColumnPositions } from './grid.ts';

const TEXT_KEYS: TextFillKey[] = ['result', 'completedProducts', 'difficulties', 'proposals'];
const FILL_COLUMNS = COLUMNS.filter((c): c is FillColumn => !c.fixed);

/** What a task row's fillable cells hold, where readable (null or absent where not). */
export interface FillValues {
  status: StatusCode | null;
  /** 0–100, or null when empty or unreadable. */
  percent: number | null;
  texts: Partial<Record<TextFillKey, string>>;
}

/** One task row's place on the grid, and what every finding about it carries. */
interface RowAt {
  grid: CheckedGrid;
  t: TaskRowLayout;
  r: number;
  columns: ColumnPositions;
}

/**
 * Reads and checks the fillable cells of task `t` on grid row `r`. Reports,
 * in this order: CELL_ERROR_VALUE and CELL_FORMULA left to right (an error
 * value says more than "invalid", so that cell is not checked further);
 * then the status, the percent, the four texts and RESULT_REQUIRED.
 */
export function checkFillCells(
  grid: CheckedGrid,
  t: TaskRowLayout,
  r: number,
  columns: ColumnPositions,
): FillValues {
  const row: RowAt = { grid, t, r, columns };
  const broken = checkErrorsAndFormulas(row);
  const status = broken.has('status') ? null : checkStatus(row);
  const percent = broken.has('percent') ? null : checkPercent(row, status);
  const texts = checkTexts(row, broken);
  if (status && status !== 'not-started' && texts.result === '' && !broken.has('result')) {
    grid.add('RESULT_REQUIRED', r, columns.result, { taskId: t.taskId }, fieldOf(row, 'result'));
  }
  return { status, percent, texts };
}

const fieldOf = ({ t }: RowAt, field: string) => ({ taskId: t.taskId, field });

/** Excel error values (#VALUE!, #REF! …) and formulas; returns the keys of the error cells. */
function checkErrorsAndFormulas(row: RowAt): Set<string> {
  const { grid, r, columns } = row;
  const broken = new Set<string>();
  for (const col of FILL_COLUMNS) {
    const cc = columns[col.key];
    const v = grid.cell(r, cc);
    if (isExcelError(v)) {
      grid.add('CELL_ERROR_VALUE', r, cc, { found: v.trim() }, fieldOf(row, col.key));
      broken.add(col.key);
      continue;
    }
    const f = grid.formulas[r]?.[cc];
    if (typeof f === 'string' && f.startsWith('=')) {
      grid.add('CELL_FORMULA', r, cc, { formula: f, found: show(v) }, fieldOf(row, col.key));
    }
  }
  return broken;
}

/** The status from the list (cells.ts readStatus); STATUS_INVALID or STATUS_REQUIRED when there is none. */
function checkStatus(row: RowAt): StatusCode | null {
  const { grid, t, r, columns } = row;
  const status = readStatus(grid.cell(r, columns.status));
  if (!status.ok) {
    const allowedVi = STATUSES.map((s) => s.vi).join(', ');
    grid.add(
      'STATUS_INVALID',
      r,
      columns.status,
      { found: status.found, allowedVi },
      fieldOf(row, 'status'),
    );
  } else if (status.value === null) {
    grid.add('STATUS_REQUIRED', r, columns.status, { taskId: t.taskId }, fieldOf(row, 'status'));
  }
  return status.ok ? status.value : null;
}

/**
 * The percent (cells.ts readPercent, with the cell's number format):
 * PERCENT_INVALID when unreadable; PERCENT_FRACTION for a plain number
 * between 0 and 1; then against the status: done needs 100, not started 0
 * or empty (PERCENT_STATUS_MISMATCH), in progress a value (PERCENT_MISSING).
 */
function checkPercent(row: RowAt, statusCode: StatusCode | null): number | null {
  const { grid, t, r, columns } = row;
  const c = columns.percent;
  const percent = readPercent(grid.cell(r, c), grid.formats[r]?.[c]);
  if (!percent.ok) {
    grid.add('PERCENT_INVALID', r, c, { found: percent.found }, fieldOf(row, 'percent'));
    return null;
  }
  const value = percent.value.value;
  if (percent.value.fraction) {
    const p = value ?? 0;
    grid.add(
      'PERCENT_FRACTION',
      r,
      c,
      { found: p, asPercent: Math.round(p * 1e4) / 100 },
      fieldOf(row, 'percent'),
    );
  }
  const pc = { taskId: t.taskId, status: statusCode ?? '', found: show(value ?? '') };
  if (statusCode === 'done' && value !== 100) {
    grid.add('PERCENT_STATUS_MISMATCH', r, c, pc, fieldOf(row, 'percent'));
  } else if (statusCode === 'not-started' && value !== null && value !== 0) {
    grid.add('PERCENT_STATUS_MISMATCH', r, c, pc, fieldOf(row, 'percent'));
  } else if (statusCode === 'in-progress' && value === null) {
    grid.add('PERCENT_MISSING', r, c, { taskId: t.taskId }, fieldOf(row, 'percent'));
  }
  return value;
}

/**
 * The four text cells left to right, skipping error cells: VALUE_TYPE for
 * a value that is not text (cells.ts readText), TEXT_TOO_LONG over the
 * column's maxLength, LEGACY_ENCODING for TCVN3/VNI text (text/legacy.ts).
 * Returns the NFC, trimmed text of each readable cell.
 */
function checkTexts(row: RowAt, broken: Set<string>): FillValues['texts'] {
  const { grid, r, columns } = row;
  const texts: FillValues['texts'] = {};
  for (const key of TEXT_KEYS) {
    if (broken.has(key)) continue;
    const cc = columns[key];
    const read = readText(grid.cell(r, cc));
    const column = COLUMNS[COLUMN_INDEX[key]];
    const names = { column: column?.header.vi, columnEn: column?.header.en };
    if (!read.ok) {
      grid.add('VALUE_TYPE', r, cc, { found: read.found, ...names }, fieldOf(row, key));
      continue;
    }
    const max =
      column && !column.fixed && column.input.type === 'text' ? column.input.maxLength : 0;
    if (read.value.length > max) {
      grid.add(
        'TEXT_TOO_LONG',
        r,
        cc,
        { length: read.value.length, max, ...names },
        fieldOf(row, key),
      );
    }
    const encoding = detectLegacyEncoding(read.value);
    if (encoding) {
      grid.add('LEGACY_ENCODING', r, cc, { found: read.value, encoding }, fieldOf(row, key));
    }
    texts[key] = read.value;
  }
  return texts;
}
