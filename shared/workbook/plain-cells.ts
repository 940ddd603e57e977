// The cells of the candidate sheets read without SheetJS when they are
// plain: every cell a number, a shared string or empty, with no formula, and
// the shared strings plain text (no rich-text runs), as the template and
// Excel write a filled report. SheetJS's sheet and shared-strings parsers
// are most of a fresh isolate's first upload (docs/benchmarks.md); for such
// parts this file gives the same cells (type, value, number format) with
// one pass of a few regular expressions. SheetJS still parses the package
// (workbook, sheet names and order, relationships, styles, date system), from
// the same entries with each plain sheet's cells replaced by one marker cell
// and the shared strings emptied; fillPlainCells then puts the cells in
// place of each marker, so a sheet gets its cells from the part SheetJS
// itself found for it. Anything outside this grammar (a formula, rich text,
// an inline string, another cell type or attribute, a namespace prefix)
// makes plainCells return null, and SheetJS parses everything as before.
// Where SheetJS would fail or differ (a shared-string index out of range),
// the same: the cells here are those SheetJS gives (parse_ws_xml_data,
// parse_sst_xml, parse_si and unescapexml in @e965/xlsx 0.20).
import type { CellObject, WorkBook } from '@e965/xlsx';
import { strFromU8, strToU8, type Unzipped } from 'fflate';
import { relsOf, sheetRootWith } from './candidates.ts';
import { contentTypeOverrides, entryNamed } from './sheetjs-parts.ts';

/**
 * Whether the sheet's relationships name comments: SheetJS adds a stub cell
 * for a comment on an empty cell, so such a sheet is left to it.
 */
function commentsOf(files: Unzipped, part: string): boolean {
  const rels = entryNamed(files, relsOf(part));
  const data = rels === undefined ? undefined : files[rels];
  return data !== undefined && /comment/i.test(strFromU8(data));
}

const SHARED_STRINGS_TYPE =
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml';

/** The shared strings as SheetJS reads them: prolog, <sst …>, plain items, </sst>. */
const SST = /^(?:<\?xml[^<>]*\?>)?\s*<sst\b[^<>]*>([\s\S]*)<\/sst>\s*$/;
const SST_ITEM = /\s*<si>\s*<t(?: xml:space="preserve")?>([^<]*)<\/t>\s*<\/si>/y;
/** One piece of <sheetData>: a row's start or end, or a cell with at most a plain <v>. */
const SHEET_TOKEN =
  /\s*(?:<row\b[^<>]*?(\/?)>|(<\/row>)|<c r="([A-Z]{1,3})([1-9][0-9]{0,6})"(?: s="([0-9]{1,6})")?(?: t="([sn])")?\s*(?:\/>|>(?:<v>([0-9.Ee+-]*)<\/v>)?<\/c>))/y;
const SHEET_DATA = /<sheetData>([\s\S]*?)<\/sheetData>/;

/** A marker cell's text: "\u0001plain:" and the sheet's index among the plain ones. */
const MARKER = '\u0001plain:';

/**
 * SheetJS's unescapexml(text, true): the five predefined entities and
 * character references (by String.fromCharCode, as SheetJS decodes them),
 * then Excel's _xHHHH_ escapes, then CR LF as LF. Kept as SheetJS has it,
 * quirks and all, so that both paths give the same text.
 */
const ENCODINGS: Record<string, string> = {
  '&quot;': '"',
  '&apos;': "'",
  '&gt;': '>',
  '&lt;': '<',
  '&amp;': '&',
};
const ENTITY = /&(?:quot|apos|gt|lt|amp|#x?([\da-fA-F]+));/gi;
const ESCAPE = /_x([\da-fA-F]{4})_/gi;
function unescapeXml(text: string): string {
  if (!text.includes('&') && !text.includes('_')) return text.replace(/\r\n/g, '\n');
  return text
    .replace(
      ENTITY,
      (m: string, code: string) =>
        ENCODINGS[m] ||
        String.fromCharCode(Number.parseInt(code, m.indexOf('x') > -1 ? 16 : 10)) ||
        m,
    )
    .replace(ESCAPE, (_: string, code: string) => String.fromCharCode(Number.parseInt(code, 16)))
    .replace(/\r\n/g, '\n');
}

/** The items' text, or null when the part is not plain. */
function sharedStrings(xml: string): string[] | null {
  const inner = SST.exec(xml)?.[1];
  if (inner === undefined) return null;
  const out: string[] = [];
  SST_ITEM.lastIndex = 0;
  while (SST_ITEM.lastIndex < inner.length) {
    const m = SST_ITEM.exec(inner);
    if (!m) return /^\s*$/.test(inner.slice(SST_ITEM.lastIndex)) ? out : null;
    out.push(unescapeXml(m[1] ?? ''));
  }
  return out;
}

/** A plain cell before its number format is known: its style index as written. */
interface PlainCell {
  row: number;
  col: number;
  t: 's' | 'n' | 'z';
  v?: string | number;
  s?: string;
}

/** The cells of <sheetData>'s content, in document order, or null when it is not plain. */
function sheetCells(data: string, strings: string[] | null): PlainCell[] | null {
  const cells: PlainCell[] = [];
  let inRow = false;
  SHEET_TOKEN.lastIndex = 0;
  while (SHEET_TOKEN.lastIndex < data.length) {
    const at = SHEET_TOKEN.lastIndex;
    const m = SHEET_TOKEN.exec(data);
    if (!m) return /^\s*$/.test(data.slice(at)) && !inRow ? cells : null;
    const [, selfClosing, rowEnd, letters, digits, s, t, v] = m;
    if (letters === undefined || digits === undefined) {
      if (rowEnd) {
        if (!inRow) return null;
        inRow = false;
      } else if (selfClosing !== '/') {
        if (inRow) return null;
        inRow = true;
      } else if (inRow) return null;
      continue;
    }
    if (!inRow) return null;
    let col = 0;
    for (let i = 0; i < letters.length; i++) col = 26 * col + letters.charCodeAt(i) - 64;
    const cell: PlainCell = { row: Number(digits) - 1, col: col - 1, t: 'z' };
    if (s !== undefined) cell.s = s;
    // As parse_ws_xml_data: an empty <v> is none; a cell without a value is a stub.
    if (v !== undefined && v !== '') {
      if (t === 's') {
        const text = strings?.[Number.parseInt(v, 10)];
        if (text === undefined) return null;
        cell.t = 's';
        cell.v = text;
      } else {
        cell.t = 'n';
        cell.v = Number.parseFloat(v);
      }
    }
    cells.push(cell);
  }
  return inRow ? null : cells;
}

/** What plainCells found: the entries to hand SheetJS, and each plain sheet's cells. */
export interface PlainSheets {
  files: Unzipped;
  cells: PlainCell[][];
}

/**
 * The candidate sheets' cells read here when every candidate and the shared
 * strings are plain (see the top of this file), with the entries SheetJS
 * should parse instead: each candidate's <sheetData> reduced to a marker
 * cell, the shared strings emptied. Null when anything is not plain.
 * `files` are the checked, UTF-8 entries (read.ts), `candidates` the sheet
 * parts to read (candidates.ts).
 */
export function plainCells(files: Unzipped, candidates: readonly string[]): PlainSheets | null {
  const types = files['[Content_Types].xml'];
  if (!types || candidates.length === 0) return null;
  // The shared strings SheetJS reads: the first Override of a shared-strings type (parse_ct).
  const sst = contentTypeOverrides(strFromU8(types)).find((o) => o.type?.includes('sharedStrings'));
  let strings: string[] | null = null;
  let sstEntry: string | undefined;
  if (sst) {
    if (sst.type !== SHARED_STRINGS_TYPE || sst.part === undefined) return null;
    sstEntry = entryNamed(files, sst.part);
    const data = sstEntry === undefined ? undefined : files[sstEntry];
    if (!data || candidates.includes(sstEntry as string)) return null;
    strings = sharedStrings(strFromU8(data));
    if (!strings) return null;
  }
  const out: Unzipped = { ...files };
  const cells: PlainCell[][] = [];
  for (const part of candidates) {
    const data = files[part];
    if (!data || commentsOf(files, part)) return null;
    const xml = strFromU8(data);
    const m = SHEET_DATA.exec(xml);
    // One unprefixed <sheetData>, as SheetJS's str_match_xml_ns finds it.
    if (!m || xml.indexOf('sheetData', m.index + m[0].length) >= 0) return null;
    if (/<\w+:sheetData\b|<sheetData\b[^>]/.test(xml.slice(0, m.index))) return null;
    const found = sheetCells(m[1] ?? '', strings);
    if (!found) return null;
    // Only the marker: nothing else of the part is read from SheetJS's result.
    let prefixed = false;
    out[part] = sheetRootWith(xml, (prefix) => {
      prefixed = prefix !== '';
      return `<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>${MARKER}${cells.length}</t></is></c></row></sheetData>`;
    });
    if (prefixed) return null;
    cells.push(found);
  }
  if (sstEntry !== undefined) out[sstEntry] = strToU8('<sst></sst>');
  return { files: out, cells };
}

/**
 * Each sheet of `wb` (parsed from plainCells' entries, dense) whose only
 * cell is a marker given the cells read for it, each with its number format
 * as SheetJS gives it (cellNF: the workbook's format table at the cell
 * format's numFmtId, 0 when the cell has no style). Changes `wb`.
 */
export function fillPlainCells(wb: WorkBook, plain: PlainSheets): void {
  const xfs = (wb as { Styles?: { CellXf?: { numFmtId?: number | string }[] } }).Styles?.CellXf;
  const table = (wb as { SSF?: Record<string, string | undefined> }).SSF ?? {};
  for (const name of wb.SheetNames) {
    const ws = wb.Sheets[name] as { '!data'?: (CellObject | undefined)[][] } | undefined;
    const data = ws?.['!data'];
    const text = data?.[0]?.[0]?.v;
    if (!ws || !data || typeof text !== 'string') continue;
    if (!text.startsWith(MARKER)) continue;
    const found = plain.cells[Number(text.slice(MARKER.length))];
    if (!found) continue;
    const rows: (CellObject | undefined)[][] = [];
    for (const c of found) {
      let fmt: number | string = 0;
      if (Array.isArray(xfs) && c.s !== undefined) {
        const xf = xfs[c.s as unknown as number];
        if (xf?.numFmtId != null) fmt = xf.numFmtId;
      }
      const cell = { t: c.t, z: table[fmt] } as CellObject;
      if (c.v !== undefined) cell.v = c.v;
      const row = rows[c.row] ?? [];
      row[c.col] = cell;
      rows[c.row] = row;
    }
    ws['!data'] = rows;
  }
}
