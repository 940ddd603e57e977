// Row and cell builders the merged workbook's sheets share.
import { columnLetter } from '../../../../shared/layout/a1.ts';
import type { Cell, Row, Style } from '../../xlsx/types.ts';
import { cell } from '../common.ts';

/** A row whose first cell spans `width` columns (merged). */
export function spanRow(
  rows: Row[],
  merges: string[],
  index: number,
  width: number,
  value: string,
  s: Style,
) {
  rows.push({ index, cells: [cell(value, s)] });
  if (width > 1) merges.push(`A${index}:${columnLetter(width)}${index}`);
}

/** Cells with one style, for a header or a blank bordered stretch. */
export const same = (values: (string | number | null)[], s: Style): Cell[] =>
  values.map((v) => cell(v, s));
