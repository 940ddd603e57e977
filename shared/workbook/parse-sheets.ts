// The checked entries → the workbook as SheetJS parses it, with the options
// the reader needs; a plain package (plain-book.ts) is read without SheetJS,
// to the same result.
import type { ParsingOptions, WorkBook } from '@e965/xlsx';
import type { Unzipped } from 'fflate';
import { plainBook } from './plain-book.ts';
import { parseEntries } from './sheetjs-container.ts';
import { partsForSheetJs } from './sheetjs-parts.ts';

const OPTIONS: ParsingOptions = {
  dense: true,
  cellFormula: true,
  cellNF: true,
  // No formatted text (cell.w): SheetJS would apply each cell's number
  // format while parsing, at a cost that grows with the format's length;
  // shared/cell formats only the cells the validator reads.
  cellText: false,
  // Dates stay the serial numbers the file holds, as Excel hands them to
  // the task pane (a Date would come back a second off, or a day off
  // before 1900-03-01); ISO date cells (t="d") are read by iso-dates.ts.
  cellDates: false,
  cellHTML: false,
  cellStyles: false,
  bookVBA: false,
  // Stubs keep a formula with no saved value (<f> and an empty <v>), which
  // would otherwise vanish; sheet-grid.ts reads it as null.
  sheetStubs: true,
  WTF: false,
};

/**
 * The workbook parsed from `files` (planned by candidates.ts: every sheet
 * but the `candidates` emptied), dense, or SheetJS's error message (at most
 * 200 characters). With `plain` (the default) a plain package is read by
 * plain-book.ts, the same workbook as far as read.ts reads it; false makes
 * SheetJS read every package (tests compare the two).
 */
export function parseSheets(
  files: Unzipped,
  candidates: readonly string[],
  { plain: usePlain = true }: { plain?: boolean } = {},
): { ok: true; wb: WorkBook } | { ok: false; error: string } {
  const plain = usePlain ? plainBook(files, candidates) : null;
  if (plain) return { ok: true, wb: plain };
  try {
    return { ok: true, wb: parseEntries(partsForSheetJs(files, candidates), { ...OPTIONS }) };
  } catch (e) {
    return { ok: false, error: (e instanceof Error ? e.message : String(e)).slice(0, 200) };
  }
}
