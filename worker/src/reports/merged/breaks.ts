// Page breaks that keep a task together with its first agency: neither
// Excel nor LibreOffice has "keep with next" for rows, so the sheet carries
// manual row breaks (ECMA-376 §18.3.1.73), computed from the fitted row
// heights and the page the print setup gives. Every break is manual: the
// page is estimated a little short, so the application never needs a break
// of its own between two of ours, and the pages are the ones computed here.
import type { Sheet } from '../../xlsx/types.ts';
import { DEFAULT_ROW_HEIGHT, PX_PER_WIDTH } from '../common.ts';

/** A4 in points (ISO 216: 210 × 297 mm). */
const A4 = { short: 595.28, long: 841.89 };
/** Points per column width unit: the writer's default font's digit, 0.75 pt a pixel. */
const PT_PER_WIDTH = PX_PER_WIDTH * 0.75;
/** Of the page estimated, the share filled: room for the applications' rounding. */
const FILL = 0.95;

/**
 * The height, in the sheet's points, that one printed page holds under the
 * repeated header rows, for a sheet printed to fit its columns to the page
 * width (print.fitToWidth): the printable height divided by the scale that
 * fits the columns' width on the printable width, times FILL.
 */
export function pageHeight(sheet: Sheet): number {
  const p = sheet.print ?? {};
  const m = p.margins ?? { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6 };
  const landscape = p.orientation === 'landscape';
  const paperW = landscape ? A4.long : A4.short;
  const paperH = landscape ? A4.short : A4.long;
  const printW = paperW - (m.left + m.right) * 72;
  const printH = paperH - (m.top + m.bottom) * 72;
  const sheetW = (sheet.columns ?? []).reduce((a, c) => a + c.width * PT_PER_WIDTH, 0);
  const scale = p.fitToWidth && sheetW > printW ? printW / sheetW : 1;
  const [from, to] = p.repeatRows ?? [0, -1];
  let titles = 0;
  for (const r of sheet.rows) if (r.index >= from && r.index <= to) titles += heightOf(r);
  return (printH / scale) * FILL - titles;
}

const heightOf = (r: Sheet['rows'][number]) => r.height ?? DEFAULT_ROW_HEIGHT;

/**
 * The rows that start a printed page (Sheet.rowBreaks), from `firstBody`
 * (the first row under the repeated header rows) on: a row that does not
 * fit on the page starts the next, and so does a group that does not fit
 * on what is left of it, where `groups` maps a group's first row to its
 * last (a task's title rows and its first agency row). A group taller than
 * a page starts a page and runs on. Rows above `firstBody` count on the
 * first page. Heights are the rows' own (fitRowHeights first).
 */
export function keepTogetherBreaks(
  sheet: Sheet,
  firstBody: number,
  groups: ReadonlyMap<number, number>,
): number[] {
  const page = pageHeight(sheet);
  const height = new Map(sheet.rows.map((r) => [r.index, heightOf(r)]));
  const last = Math.max(0, ...sheet.rows.map((r) => r.index));
  const h = (i: number) => height.get(i) ?? DEFAULT_ROW_HEIGHT;
  const breaks: number[] = [];
  let used = 0;
  for (let i = 1; i < firstBody; i++)
    if (!sheet.print?.repeatRows || i < sheet.print.repeatRows[0]) used += h(i);
  for (let i = firstBody; i <= last; i++) {
    const end = groups.get(i);
    let need = h(i);
    if (end !== undefined) for (let k = i + 1; k <= end; k++) need += h(k);
    if (used > 0 && used + need > page) {
      breaks.push(i);
      used = 0;
    }
    used += h(i);
  }
  return breaks;
}

/**
 * How far a one-page document may shrink below its width-fitted size to stay
 * on one sheet of paper: Tổng hợp's 11 pt body prints at ~10.3 pt fitted to
 * the width, so 0.87 keeps it at 9 pt or more.
 */
const MIN_ONE_PAGE_SCALE = 0.87;

/**
 * A document sheet (Tổng hợp) on one page when that shrinks it by at most
 * MIN_ONE_PAGE_SCALE; otherwise on as many pages as it needs, at the
 * width-fitted size, with the rows from `keepFrom` to the end (the totals,
 * the note and the signature block) kept together on the last page, so the
 * signature never stands alone. Heights are the rows' own (fitRowHeights first).
 */
export function onePageOrKeepTogether(sheet: Sheet, keepFrom: number): Sheet {
  const total = sheet.rows.reduce((a, r) => a + heightOf(r), 0);
  // Fitting to one page is exact: the whole printable height, not FILL of it.
  if (total * MIN_ONE_PAGE_SCALE <= pageHeight(sheet) / FILL) {
    return { ...sheet, print: { ...sheet.print, fitToHeight: true } };
  }
  const last = Math.max(0, ...sheet.rows.map((r) => r.index));
  const rowBreaks = keepTogetherBreaks(sheet, 1, new Map([[keepFrom, last]]));
  return { ...sheet, print: { ...sheet.print, fitToHeight: false }, rowBreaks };
}
