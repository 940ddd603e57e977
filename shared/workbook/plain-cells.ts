// The cells of the candidate sheets read without SheetJS when they are
// plain: every cell a number, a shared string or empty, with no formula, and
// the shared strings plain text (no rich-text runs), as the template and
// Excel write a filled report. SheetJS's sheet and shared-strings parsers
// are most of a fresh isolate's first upload (docs/benchmarks.md); for such
// parts this file gives the same cells (type, value, style index) with one
// pass of a few regular expressions, and plain-book.ts the rest of the
// workbook. Anything outside this grammar (a formula, rich text, an inline
// string, another cell type or attribute, a namespace prefix) makes
// plainCells return null, and SheetJS parses everything as before. Where
// SheetJS would fail or differ (a shared-string index out of range), the
// same: the cells here are those SheetJS gives (parse_ws_xml_data,
// parse_sst_xml, parse_si and unescapexml in @e965/xlsx 0.20).
import { strFromU8, type Unzipped } from 'fflate';
import { relsOf } from './candidates.ts';
import { plainOverrides } from './canonical-tag.ts';
import { entryOf } from './entry-map.ts';
import { entryNamed } from './sheetjs-parts.ts';

/**
 * Whether the sheet's relationships name comments: SheetJS adds a stub cell
 * for a comment on an empty cell, so such a sheet is left to it.
 */
function commentsOf(files: Unzipped, part: string): boolean {
  const rels = entryNamed(files, relsOf(part));
  const data = rels === undefined ? undefined : entryOf(files, rels);
  return data !== undefined && /comment/i.test(strFromU8(data));
}

const SHARED_STRINGS_TYPE =
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml';

/** The shared strings as SheetJS reads them: prolog, <sst …>, plain items, </sst>. */
const SST = /^(?:<\?xml[^<>]*\?>)?\s*<sst\b[^<>]*>([\s\S]*)<\/sst>\s*$/;
const SST_ITEM = /\s*<si>\s*<t(?: xml:space="preserve")?>([^<]*)<\/t>\s*<\/si>/y;
/**
 * One piece of <sheetData>: a row's start or end, or a cell with at most a
 * plain <v>, each tag canonical (canonical-tag.ts): a row's attributes are
 * not read; a cell's are r, s (no leading zero: SheetJS looks "09" up as a
 * key and finds no format) and t, in that order.
 */
const SHEET_TOKEN =
  /\s*(?:<row(?: [\w.:-]+="[^"<]*")* ?(\/?)>|(<\/row>)|<c r="([A-Z]{1,3})([1-9][0-9]{0,6})"(?: s="(0|[1-9][0-9]{0,5})")?(?: t="([sn])")? ?(?:\/>|>(?:<v>([0-9.Ee+-]*)<\/v>)?<\/c>))/y;
/** A shared-string index as written by Excel: no sign, point or leading zero. */
const STRING_INDEX = /^(?:0|[1-9][0-9]*)$/;
const SHEET_DATA = /<sheetData>([\s\S]*?)<\/sheetData>/;

/**
 * SheetJS's unescapexml(text, xlsx): the five predefined entities and
 * character references (by String.fromCharCode, as SheetJS decodes them),
 * then Excel's _xHHHH_ escapes, then (with `xlsx`, as for cell text) CR LF
 * as LF. Kept as SheetJS has it, quirks and all, so that both paths give the
 * same text. Text with a CDATA section is not handled (SheetJS keeps it raw).
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
export function unescapeXml(text: string, xlsx = true): string {
  const crlf = (t: string) => (xlsx ? t.replace(/\r\n/g, '\n') : t);
  if (!text.includes('&') && !text.includes('_')) return crlf(text);
  return crlf(
    text
      .replace(
        ENTITY,
        (m: string, code: string) =>
          ENCODINGS[m] ||
          String.fromCharCode(Number.parseInt(code, m.indexOf('x') > -1 ? 16 : 10)) ||
          m,
      )
      .replace(ESCAPE, (_: string, code: string) => String.fromCharCode(Number.parseInt(code, 16))),
  );
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
        const text = STRING_INDEX.test(v) ? strings?.[Number(v)] : undefined;
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

/** A plain cell before its number format is known (plain-book.ts gives it one). */
export type { PlainCell };

/**
 * The cells of each candidate sheet (`candidates`' order) read here when
 * every candidate and the shared strings are plain (see the top of this
 * file); null when anything is not. `files` are the checked, UTF-8 entries
 * (read.ts), `candidates` the sheet parts to read (candidates.ts).
 */
export function plainCells(files: Unzipped, candidates: readonly string[]): PlainCell[][] | null {
  const types = entryOf(files, '[Content_Types].xml');
  if (!types || candidates.length === 0) return null;
  // The shared strings SheetJS reads: the first Override of a shared-strings type (parse_ct).
  const overrides = plainOverrides(strFromU8(types));
  if (!overrides) return null;
  const sst = overrides.find((o) => o.type?.includes('sharedStrings'));
  let strings: string[] | null = null;
  if (sst) {
    if (sst.type !== SHARED_STRINGS_TYPE || sst.part === undefined) return null;
    const sstEntry = entryNamed(files, sst.part);
    const data = sstEntry === undefined ? undefined : entryOf(files, sstEntry);
    if (!data || candidates.includes(sstEntry as string)) return null;
    strings = sharedStrings(strFromU8(data));
    if (!strings) return null;
  }
  const cells: PlainCell[][] = [];
  for (const part of candidates) {
    const data = entryOf(files, part);
    if (!data || commentsOf(files, part)) return null;
    const xml = strFromU8(data);
    const m = SHEET_DATA.exec(xml);
    // One unprefixed <sheetData>, as SheetJS's str_match_xml_ns finds it.
    if (!m || xml.indexOf('sheetData', m.index + m[0].length) >= 0) return null;
    if (/<\w+:sheetData\b|<sheetData\b[^>]/.test(xml.slice(0, m.index))) return null;
    // An unprefixed root: SheetJS reads a prefixed one otherwise.
    if (/^(?:<\?[^>]*\?>)?\s*<\w+:/.test(xml)) return null;
    const found = sheetCells(m[1] ?? '', strings);
    if (!found) return null;
    cells.push(found);
  }
  return cells;
}
