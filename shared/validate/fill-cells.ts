// The fillable cells of a task row: what the agency reports. Each is read the
// way Excel hands it over (cells.ts) and checked against the column's rule
// (layout/columns.ts) and against the row's other cells (status and percent
// agree; a started task says what was done).

import { type CellReading, foreignLetters, formulaOf } from '../cell/index.ts';
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
import { isPlainText, longestFoldingTo } from '../text/normalize.ts';
import { loneSurrogateAt, toWellFormed, unusableCharacterAt } from '../text/well-formed.ts';
import { readPercent, readStatus, readText, shownOf } from './cells.ts';
import type { CheckedGrid, ColumnPositions } from './grid.ts';

const TEXT_KEYS: TextFillKey[] = ['result', 'completedProducts', 'difficulties', 'proposals'];
// The fillable columns left to right, each with its offset from the TT column.
const FILL_COLUMNS = COLUMNS.filter((c): c is FillColumn => !c.fixed).map((c) => ({
  key: c.key,
  offset: COLUMN_INDEX[c.key],
}));
/** Where each fillable column's cell sits in readFillCells' result. */
const FILL_AT = (key: FillColumn['key']) => FILL_COLUMNS.findIndex((c) => c.key === key);
const STATUS_AT = FILL_AT('status');
const PERCENT_AT = FILL_AT('percent');
const RESULT_AT = FILL_AT('result');

/** A row's fillable cells in FILL_COLUMNS order; absent where the cell holds no usable value. */
type FillCells = (CellReading | undefined)[];

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
 * in this order: left to right, the cells that hold no usable value
 * (CELL_ERROR_VALUE, PICTURE_IN_CELL, FORMULA_NO_VALUE: each says more than
 * "invalid", so that cell is not checked further) and formulas with a value
 * (CELL_FORMULA); then the status, the percent, the four texts and
 * RESULT_REQUIRED.
 */
export function checkFillCells(
  grid: CheckedGrid,
  t: TaskRowLayout,
  r: number,
  columns: ColumnPositions,
): FillValues {
  const row: RowAt = { grid, t, r, columns };
  const cells = readFillCells(row);
  const statusCell = cells[STATUS_AT];
  const percentCell = cells[PERCENT_AT];
  const status = statusCell ? checkStatus(row, statusCell) : null;
  const percent = percentCell ? checkPercent(row, percentCell, status) : null;
  const texts = checkTexts(row, cells);
  if (status && status !== 'not-started' && texts.result === '' && cells[RESULT_AT]) {
    grid.add('RESULT_REQUIRED', r, columns.result, { taskId: t.taskId }, fieldOf(row, 'result'));
  }
  return { status, percent, texts };
}

const fieldOf = ({ t }: RowAt, field: string) => ({ taskId: t.taskId, field });

/**
 * Each fillable cell as the person saw it (shared/cell/readCell), absent
 * where it holds no usable value: an error value, a picture, or a formula
 * never computed, each reported here. A formula with a value is reported
 * (CELL_FORMULA, a warning) and its value read.
 */
function readFillCells(row: RowAt): FillCells {
  const { grid, r, columns } = row;
  const cells: FillCells = new Array(FILL_COLUMNS.length);
  for (let k = 0; k < FILL_COLUMNS.length; k++) {
    const col = FILL_COLUMNS[k] as (typeof FILL_COLUMNS)[number];
    const cc = columns.tt + col.offset;
    const cell = grid.read(r, cc);
    if (cell.kind === 'error') {
      grid.add('CELL_ERROR_VALUE', r, cc, { found: cell.error }, fieldOf(row, col.key));
    } else if (cell.kind === 'picture') {
      grid.add('PICTURE_IN_CELL', r, cc, { source: cell.source }, fieldOf(row, col.key));
    } else if (cell.kind === 'uncomputed') {
      grid.add('FORMULA_NO_VALUE', r, cc, { formula: cell.formula }, fieldOf(row, col.key));
    } else {
      const formula = formulaOf({ formula: grid.formulas[r]?.[cc] });
      if (formula) {
        const params = { formula, found: shownOf(cell) };
        grid.add('CELL_FORMULA', r, cc, params, fieldOf(row, col.key));
      }
      cells[k] = cell;
    }
  }
  return cells;
}

/**
 * The status from the list (cells.ts readStatus): STATUS_INVALID or
 * STATUS_REQUIRED when there is none; STATUS_LOOK_ALIKE (a warning) when
 * it was read by folding look-alike letters, naming each.
 */
function checkStatus(row: RowAt, cell: CellReading): StatusCode | null {
  const { grid, t, r, columns } = row;
  const status = readStatus(cell);
  if (!status.ok) {
    const allowedVi = STATUSES.map((s) => s.vi).join(', ');
    const foreign = foreignLetters(status.found).join(', ') || undefined;
    grid.add(
      'STATUS_INVALID',
      r,
      columns.status,
      { found: status.found, allowedVi, foreign },
      fieldOf(row, 'status'),
    );
    return null;
  }
  const { code, lookAlikes } = status.value;
  if (code === null) {
    grid.add('STATUS_REQUIRED', r, columns.status, { taskId: t.taskId }, fieldOf(row, 'status'));
  } else if (lookAlikes.length) {
    const label = STATUSES.find((s) => s.code === code);
    grid.add(
      'STATUS_LOOK_ALIKE',
      r,
      columns.status,
      {
        found: shownOf(cell),
        status: label?.vi,
        statusEn: label?.en,
        letters: lookAlikes
          .map((l) =>
            // An invisible character is named by its code point only, and dropped.
            l.meant
              ? `${l.found} (${l.foundCode}) → ${l.meant} (${l.meantCode})`
              : `${l.foundCode} → ∅`,
          )
          .join(', '),
      },
      fieldOf(row, 'status'),
    );
  }
  return code;
}

/**
 * The percent (cells.ts readPercent): PERCENT_INVALID when unreadable;
 * PERCENT_FRACTION for a plain number between 0 and 1; then against the
 * status: done needs 100, not started 0 or empty (PERCENT_STATUS_MISMATCH),
 * in progress a value (PERCENT_MISSING).
 */
function checkPercent(row: RowAt, cell: CellReading, statusCode: StatusCode | null): number | null {
  const { grid, t, r, columns } = row;
  const c = columns.percent;
  const percent = readPercent(cell);
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
  const pc = { taskId: t.taskId, status: statusCode ?? '', found: value ?? '' };
  if (statusCode === 'done' && value !== 100) {
    grid.add('PERCENT_STATUS_MISMATCH', r, c, pc, fieldOf(row, 'percent'));
  } else if (statusCode === 'not-started' && value !== null && value !== 0) {
    grid.add('PERCENT_STATUS_MISMATCH', r, c, pc, fieldOf(row, 'percent'));
  } else if (statusCode === 'in-progress' && value === null) {
    grid.add('PERCENT_MISSING', r, c, { taskId: t.taskId }, fieldOf(row, 'percent'));
  }
  return value;
}

// Per text column: its place among the fillable cells and on the row, its
// names for messages and its length limit, worked out once, not per cell.
const TEXT_COLUMNS = TEXT_KEYS.map((key) => {
  const column = COLUMNS[COLUMN_INDEX[key]];
  return {
    key,
    index: FILL_AT(key),
    offset: COLUMN_INDEX[key],
    names: { column: column?.header.vi, columnEn: column?.header.en },
    max: column && !column.fixed && column.input.type === 'text' ? column.input.maxLength : 0,
  };
});

/**
 * The four text cells left to right, skipping cells without a usable value:
 * TEXT_BROKEN_CHARACTER for a lone surrogate (half an emoji, e.g. cut by
 * LEFT()), VALUE_TYPE for a value that is not text (cells.ts readText),
 * TEXT_TOO_LONG over the column's maxLength, LEGACY_ENCODING for TCVN3/VNI
 * text (text/legacy.ts), TEXT_UNUSABLE_CHARACTER for NUL, U+FFFE or U+FFFF, which no submission
 * may hold (text/schema.ts) and no workbook can store (Excel writes NUL as
 * `_x0000_`, read back as NUL). Returns the NFC, trimmed text of each
 * readable, usable cell.
 */
function checkTexts(row: RowAt, cells: FillCells): FillValues['texts'] {
  const { grid, r, columns } = row;
  const texts: FillValues['texts'] = {};
  for (const { key, index, offset, names, max } of TEXT_COLUMNS) {
    const cell = cells[index];
    if (!cell) continue;
    const cc = columns.tt + offset;
    // Plain text (most cells) holds no surrogate, unusable character or
    // legacy-encoding marker (text/normalize.ts): skip those scans.
    // (A number or date shown in a text column takes the full path.)
    // Far over the limit even once composed (NFC is at most 3:1): too long,
    // without normalizing or scanning a text that may fill many cells.
    if (cell.kind === 'text' && cell.text.length > longestFoldingTo(max)) {
      grid.add(
        'TEXT_TOO_LONG',
        r,
        cc,
        { length: cell.text.length, max, ...names },
        fieldOf(row, key),
      );
      continue;
    }
    const plain = cell.kind === 'text' && isPlainText(cell.text);
    if (cell.kind === 'text' && !plain && loneSurrogateAt(cell.text) >= 0) {
      const at = loneSurrogateAt(cell.text);
      grid.add(
        'TEXT_BROKEN_CHARACTER',
        r,
        cc,
        { position: at + 1, found: toWellFormed(cell.text), ...names },
        fieldOf(row, key),
      );
      continue;
    }
    // Plain text is its own NFC form: only trimmed (what readText gives it).
    const read =
      plain && cell.kind === 'text'
        ? { ok: true as const, value: cell.text.trim() }
        : readText(cell);
    if (!read.ok) {
      grid.add('VALUE_TYPE', r, cc, { found: read.found, ...names }, fieldOf(row, key));
      continue;
    }
    const unusable = plain ? -1 : unusableCharacterAt(read.value);
    if (unusable >= 0) {
      const code = read.value.charCodeAt(unusable);
      grid.add(
        'TEXT_UNUSABLE_CHARACTER',
        r,
        cc,
        {
          position: unusable + 1,
          character: `U+${code.toString(16).toUpperCase().padStart(4, '0')}`,
          ...names,
        },
        fieldOf(row, key),
      );
      continue;
    }
    if (read.value.length > max) {
      grid.add(
        'TEXT_TOO_LONG',
        r,
        cc,
        { length: read.value.length, max, ...names },
        fieldOf(row, key),
      );
    }
    const encoding = plain ? undefined : detectLegacyEncoding(read.value);
    if (encoding) {
      grid.add('LEGACY_ENCODING', r, cc, { found: read.value, encoding }, fieldOf(row, key));
    }
    texts[key] = read.value;
  }
  return texts;
}
