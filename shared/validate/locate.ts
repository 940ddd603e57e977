// Where the table is on the sheet: the metadata cell (whose column is the
// table's TT column) and the header row below it. Both are searched for,
// not assumed at their layout rows, so rows or columns the user inserted
// above or left of the table do not break the check.
import { COLUMNS } from '../layout/columns.ts';
import { pickMetadataCell } from '../layout/metadata.ts';
import { foldLoose, mayFoldTo } from '../text/normalize.ts';
import { show } from './cells.ts';
import type { CheckedGrid } from './grid.ts';

/** How far down the metadata and header are looked for (rows inserted above survive). */
const SEARCH_ROWS = 40;

/** The metadata cell: grid row and column (0-based). */
export interface MetadataCell {
  row: number;
  left: number;
}

/**
 * The metadata cell within the top 40 rows (layout/metadata.ts
 * pickMetadataCell: the first, row by row, that is exactly one; else the
 * first that looks like one, "plan=" and "layout=" in one text), or null.
 * Reports nothing: a missing cell is reported with the caller's
 * expectations (metadata.ts).
 */
export function findMetadataCell(grid: CheckedGrid): MetadataCell | null {
  const picked = pickMetadataCell(cellsOf(grid.values.slice(0, SEARCH_ROWS)), (c) => c.value);
  return picked && { row: picked.row, left: picked.left };
}

function* cellsOf(values: readonly (readonly unknown[] | undefined)[]) {
  for (let r = 0; r < values.length; r++) {
    const row = values[r] ?? [];
    for (let c = 0; c < row.length; c++) yield { row: r, left: c, value: row[c] };
  }
}

/**
 * The header row: the first of the 40 rows below the metadata cell (from
 * the top when there is none) whose cell in column `left` is "TT" (case,
 * spacing and Unicode form ignored). Returns its grid row, or null after
 * reporting HEADER_MISSING below the metadata cell (row 6 without one).
 */
export function findHeaderRow(grid: CheckedGrid, meta: MetadataCell | null): number | null {
  const left = meta?.left ?? 0;
  const searchFrom = (meta?.row ?? -1) + 1;
  for (let r = searchFrom; r < Math.min(grid.values.length, searchFrom + SEARCH_ROWS); r++) {
    const v = grid.cell(r, left);
    if (v === 'TT') return r;
    const shown = show(v);
    if (mayFoldTo(shown, 'TT') && foldLoose(shown) === 'tt') return r;
  }
  grid.add('HEADER_MISSING', meta ? meta.row + 1 : 5, left, {}, { field: 'header' });
  return null;
}

/** The layout's column titles, folded once. */
const FOLDED_HEADERS = COLUMNS.map((col) => foldLoose(col.header.vi));

/**
 * Compares each header cell with the layout's column title (COLUMNS, folded
 * loosely) and reports HEADER_MISMATCH for each that differs. False when any
 * differs: columns were inserted, deleted or renamed, so cell positions are
 * unreliable and nothing below is checked.
 */
export function checkHeader(grid: CheckedGrid, headerRow: number, left: number): boolean {
  let headerOk = true;
  COLUMNS.forEach((col, i) => {
    const found = show(grid.cell(headerRow, left + i));
    // Most headers are untouched: compare as-is first, fold only when they differ.
    if (
      found !== col.header.vi &&
      (!mayFoldTo(found, col.header.vi) || foldLoose(found) !== FOLDED_HEADERS[i])
    ) {
      headerOk = false;
      grid.add(
        'HEADER_MISMATCH',
        headerRow,
        left + i,
        { expected: col.header.vi, found },
        { field: col.key },
      );
    }
  });
  return headerOk;
}
