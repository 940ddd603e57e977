// The bytes of an uploaded .xlsx → its progress sheets (those with the
// metadata cell), each as the grids the add-in would read from Excel. The
// file is checked first (unzip.ts); the spreadsheet itself is read by SheetJS
// (@e965/xlsx): shared and inline strings, rich text, numbers, dates (as
// serial numbers in the workbook's date system, as Excel hands them over),
// booleans, error values and formulas with their cached values (or none),
// whichever application saved the file; a plain package (numbers and plain
// shared strings, as a filled template is saved) by plain-book.ts to the
// same result (parse-sheets.ts). Only the sheets that can be the progress
// sheet are parsed (candidates.ts).
import { strFromU8, type Unzipped } from 'fflate';
import { address } from '../layout/a1.ts';
import { parseMetadata } from '../layout/metadata.ts';
import { CheckedGrid } from '../validate/grid.ts';
import { findHeaderRow, findMetadataCell as findTableMetadata } from '../validate/locate.ts';
import {
  metadataStringIndices,
  planSheets,
  type SheetSummary,
  summarizeSheet,
  summaryIsCandidate,
} from './candidates.ts';
import { entryMap, entryOf } from './entry-map.ts';
import { isoDateCells } from './iso-dates.ts';
import { DEFAULT_LIMITS, type WorkbookLimits } from './limits.ts';
import { missingPart, sheetNamesByPart } from './package-parts.ts';
import { parseSheets } from './parse-sheets.ts';
import { problems, type SheetIdentity, type Unreadable } from './problems.ts';
import {
  cellRows,
  findMetadataCell,
  firstOutside,
  type SheetGrid,
  toGrid,
  usedBounds,
} from './sheet-grid.ts';
import { inflateEntry, safeUnzip, sniff, truncatedPart } from './unzip.ts';
import { malformedPart } from './well-formed.ts';
import { utf8Parts } from './xml-encoding.ts';

/** As far down as the validator looks for the metadata cell and the header. */
export const SEARCH_ROWS = 40;

export interface ProgressSheet {
  identity: SheetIdentity;
  grid: SheetGrid;
  /**
   * Whether the report table's header row ("TT" in the metadata cell's
   * column) lies below the metadata cell, as shared/validate/locate.ts finds
   * it: a sheet that only repeats the code (a cover sheet) has none.
   */
  hasTable: boolean;
}

export interface WorkbookRead {
  ok: true;
  /** Every sheet name, in workbook order. */
  sheetNames: string[];
  /** The sheets with a metadata cell, in workbook order (with or without the table). */
  progressSheets: ProgressSheet[];
  /**
   * What SheetJS was given to parse (candidates.ts): the sheet parts that can
   * be the progress sheet and their cells; every other sheet was emptied.
   */
  parsed: { parts: string[]; cells: number };
}

export type ReadResult = WorkbookRead | { ok: false; problem: Unreadable };

const fail = (problem: Unreadable): ReadResult => ({ ok: false, problem });

/** A large sheet part's own damage (not UTF-8, cut short), found before it is replaced by a stub. */
function partProblem(name: string, data: Unzipped[string]): Unreadable | null {
  const recoded = utf8Parts({ [name]: data });
  if (!recoded.ok) {
    return problems.corrupt({
      vi: `phần “${name}” chứa byte không phải UTF-8`,
      en: `part “${name}” holds bytes that are not UTF-8`,
    });
  }
  const cut = truncatedPart(recoded.files);
  return cut ? problems.corrupt(cut) : null;
}

/**
 * Reads an .xlsx; never throws. `limits` defaults to DEFAULT_LIMITS, field
 * by field. `inflated`: entries the caller has already inflated (by name,
 * as zip-entries.ts lists them; the Worker's native inflater), each used
 * only when of exactly its declared size; the rest are inflated here.
 * Anything thrown on the way (a file shaped as no check foresaw) is a
 * corrupt file, never an exception for the caller (the Worker would answer
 * 500).
 */
export function readWorkbook(
  bytes: Uint8Array,
  limits: Partial<WorkbookLimits> = {},
  inflated: Unzipped = entryMap(),
): ReadResult {
  try {
    return read(bytes, limits, inflated);
  } catch (e) {
    return fail(problems.corrupt(e instanceof Error ? e.message : String(e)));
  }
}

/** readWorkbook's steps (see there). */
function read(bytes: Uint8Array, limits: Partial<WorkbookLimits>, inflated: Unzipped): ReadResult {
  const lim: WorkbookLimits = { ...DEFAULT_LIMITS, ...limits };
  const kind = sniff(bytes, lim);
  if (kind) return fail(kind);
  // Large sheets are summarized as they are inflated and kept only as stubs:
  // a padded file never holds all its padding in memory at once (limits.ts).
  const deferred = new Map<string, SheetSummary>();
  const unzipped = safeUnzip(
    bytes,
    lim,
    (name, data) => {
      const summary = summarizeSheet(name, data);
      if (!summary) return data;
      // What the other steps check on every part, checked here before the part is dropped.
      const problem = partProblem(name, data);
      if (problem) return problem;
      deferred.set(name, summary);
      return summary.stub;
    },
    inflated,
  );
  if (!unzipped.ok) return fail(unzipped.problem);
  if (deferred.size) {
    const metadata = metadataStringIndices(unzipped.files, lim);
    const back = [...deferred].filter(([, summary]) => summaryIsCandidate(summary, metadata));
    // The cap on cells before anything is inflated again (planSheets checks it on the rest).
    let cells = 0;
    for (const [name, summary] of back) {
      cells += summary.cells;
      if (cells > lim.maxCells) {
        const sheet = sheetNamesByPart(unzipped.files)[name.toLowerCase()] ?? name;
        return fail(problems.tooManyCells(sheet, cells, lim.maxCells));
      }
    }
    for (const [name] of back) unzipped.files[name] = inflateEntry(bytes, name);
  }
  if (isOds(unzipped.files)) return fail(problems.ods());
  if (!entryOf(unzipped.files, '[Content_Types].xml')) return fail(problems.notXlsx());
  const recoded = utf8Parts(unzipped.files);
  if (!recoded.ok) {
    const part = recoded.notUtf8;
    return fail(
      problems.corrupt({
        vi: `phần “${part}” chứa byte không phải UTF-8`,
        en: `part “${part}” holds bytes that are not UTF-8`,
      }),
    );
  }
  const entries = recoded.files;
  const cut = truncatedPart(entries);
  if (cut) return fail(problems.corrupt(cut));
  const missing = missingPart(entries);
  if (missing) return fail(problems.corrupt(missing));

  const planned = planSheets(entries, lim);
  if (!planned.ok) return fail(planned.problem);
  const { files, candidates, cells } = planned.plan;
  const malformed = malformedPart(files);
  if (malformed) return fail(problems.corrupt(malformed));

  const parsed = parseSheets(files, candidates);
  if (!parsed.ok) return fail(problems.corrupt(parsed.error));
  const wb = parsed.wb;
  if (!Array.isArray(wb.SheetNames) || wb.SheetNames.length === 0) {
    return fail(problems.corrupt('no worksheets'));
  }

  const isoDates = isoDatesBySheet(files, candidates);
  const progressSheets: ProgressSheet[] = [];
  for (const name of wb.SheetNames) {
    const ws = wb.Sheets[name];
    if (!ws) continue;
    const rows = cellRows(ws);
    const bounds = usedBounds(rows);
    if (!bounds) continue;
    const meta = findMetadataCell(rows, bounds, SEARCH_ROWS);
    if (!meta) continue;
    const outside = firstOutside(rows, bounds, lim.maxRows, lim.maxColumns);
    if (outside) return fail(problems.sheetTooLarge(name, outside, lim.maxRows, lim.maxColumns));
    const fields = parseMetadata(meta.text);
    const grid = toGrid(rows, bounds, wb.Workbook?.WBProps?.date1904 === true, isoDates.get(name));
    progressSheets.push({
      identity: { sheet: name, cell: address(meta.row + 1, meta.col + 1), ...fields },
      grid,
      hasTable: hasTable(grid),
    });
  }
  return {
    ok: true,
    sheetNames: [...wb.SheetNames],
    progressSheets,
    parsed: { parts: candidates, cells },
  };
}

/** The validator's own search (locate.ts), so the reader and validate() agree on where the table is. */
function hasTable(grid: SheetGrid): boolean {
  const checked = new CheckedGrid({ values: grid.values }, { row: 1, col: 1 });
  return findHeaderRow(checked, findTableMetadata(checked)) !== null;
}

/** Each candidate sheet's name → its ISO date cells (iso-dates.ts); sheets without any are left out. */
function isoDatesBySheet(
  files: Unzipped,
  candidates: string[],
): Map<string, ReadonlyMap<string, string>> {
  const out = new Map<string, ReadonlyMap<string, string>>();
  let names: Record<string, string> | undefined;
  for (const part of candidates) {
    const data = entryOf(files, part);
    const cells = data ? isoDateCells(strFromU8(data)) : new Map<string, string>();
    if (cells.size === 0) continue;
    names ??= sheetNamesByPart(files);
    const name = names[part.toLowerCase()];
    if (name !== undefined) out.set(name, cells);
  }
  return out;
}

function isOds(entries: Unzipped): boolean {
  const mimetype = entryOf(entries, 'mimetype');
  if (!mimetype) return false;
  const text = String.fromCharCode(...mimetype.subarray(0, 100));
  return text.startsWith('application/vnd.oasis.opendocument');
}
