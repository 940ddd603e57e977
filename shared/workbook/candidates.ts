// Which sheets of an uploaded package SheetJS parses: only those that can be
// the progress sheet, within a cap on cells. A sheet is a candidate when its
// XML can hold a metadata cell (looksLikeMetadata: "plan=" and "layout="):
// written in the sheet itself (an inline string, a formula's cached text) or
// a shared string it may point to. The test is cheap and errs towards
// "candidate"; the exact search (the first 40 rows of the used range) is
// still read.ts's, on what SheetJS parses. Every other sheet is handed to
// SheetJS as an empty worksheet, so padding a file with sheets of cells costs
// a scan of their bytes, never a parse. Sheets are found by content, not by
// name: any part with a <sheetData> element is one, however the package
// names it, since that element is where SheetJS reads cells from.
import { strFromU8, strToU8, type Unzipped } from 'fflate';
import { looksLikeMetadata } from '../layout/metadata.ts';
import { entryMap } from './entry-map.ts';
import { holdsHyperlink, linkedCells, withoutHyperlinks } from './hyperlinks.ts';
import type { WorkbookLimits } from './limits.ts';
import { sheetNamesByPart } from './package-parts.ts';
import { problems, type Unreadable } from './problems.ts';

/** UTF-8, by the runtime's TextDecoder (fflate's Latin-1 decoding is several times slower). */
const text = (b: Uint8Array) => strFromU8(b);
const SHEET_DATA = /<(?:[\w.-]+:)?sheetData[\s/>]/;
/** The shared-strings root, after any prolog (declaration, comments, PIs, DOCTYPE: XML 1.0 §2.8). */
const SHARED_STRINGS =
  /^(?:\s*(?:<\?[^>]*\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>))*\s*<(?:[\w.-]+:)?sst[\s/>]/;
const CELL = /<(?:[\w.-]+:)?c[\s/>]/g;
const STRING_ITEM = /<(?:[\w.-]+:)?si[\s/>]/g;
const INLINE_STRING = /<(?:[\w.-]+:)?is>/;
const INLINE_STRING_G = /<(?:[\w.-]+:)?is>/g;
const TAG = /<[^>]*>/g;

export interface SheetPlan {
  /** The entries to hand SheetJS: every sheet that cannot be the progress sheet emptied. */
  files: Unzipped;
  /** The sheet parts left whole, in zip order. */
  candidates: string[];
  /** Cell elements (<c>) in those parts. */
  cells: number;
}

const SHEET_DATA_BYTES = [...'sheetData'].map((ch) => ch.charCodeAt(0));
/** Where the capital D of "sheetData" is: rarer in XML than its first letter, so fewer places to compare. */
const D_AT = 5;

/**
 * Whether the bytes hold "sheetData" at all: a search of the bytes, so that
 * a part that is no sheet (a padded workbook.xml) is never decoded here.
 */
function hasSheetData(data: Uint8Array): boolean {
  const d = SHEET_DATA_BYTES[D_AT] as number;
  for (let i = data.indexOf(d, D_AT); i >= 0; i = data.indexOf(d, i + 1)) {
    let k = 0;
    while (k < SHEET_DATA_BYTES.length && data[i - D_AT + k] === SHEET_DATA_BYTES[k]) k++;
    if (k === SHEET_DATA_BYTES.length) return true;
  }
  return false;
}

/** How often `re` (global) matches in `text`. */
function count(re: RegExp, text: string): number {
  let n = 0;
  re.lastIndex = 0;
  while (re.exec(text)) n++;
  return n;
}

/** Whether `xml`'s text, tags removed (so rich-text runs join), looks like a metadata cell. */
const textLooksLikeMetadata = (xml: string) => looksLikeMetadata(xml.replace(TAG, ''));

/**
 * The pieces of `xml` from each match of `open` (global) to the next, or to
 * the end: the items of a shared-strings part, the inline strings of a sheet.
 */
function* pieces(xml: string, open: RegExp): Generator<string> {
  open.lastIndex = 0;
  let m = open.exec(xml);
  while (m) {
    const start = m.index;
    m = open.exec(xml);
    yield xml.slice(start, m ? m.index : undefined);
  }
}

/**
 * Whether a sheet's XML can hold a metadata cell in itself: text in a <v>
 * (a formula's cached string) or an inline string (<is>, perhaps in runs).
 */
function sheetMayHoldMetadata(xml: string): boolean {
  if (xml.includes('plan') && xml.includes('layout') && textLooksLikeMetadata(xml)) return true;
  if (!INLINE_STRING.test(xml)) return false;
  for (const piece of pieces(xml, INLINE_STRING_G)) {
    const end = piece.search(/<\/(?:[\w.-]+:)?is>/);
    if (textLooksLikeMetadata(end < 0 ? piece : piece.slice(0, end))) return true;
  }
  return false;
}

/** The indices of the shared strings (<si> items, 0-based) whose text looks like metadata. */
function metadataStrings(sst: string): number[] {
  const found: number[] = [];
  let index = 0;
  for (const item of pieces(sst, STRING_ITEM)) {
    if (item.includes('=') && textLooksLikeMetadata(item)) found.push(index);
    index++;
  }
  return found;
}

/**
 * A cell and, when its <v> holds a whole number, that number: the tag's
 * attributes are taken in one run up to its `>` (one way to match, so no
 * backtracking however many attributes a hostile tag repeats: a pattern that
 * looked for t="s" among them took quadratic time, issue 16's third test
 * round), then SHARED_STRING tells whether it is a shared-string cell.
 */
const VALUE =
  /<(?:[\w.-]+:)?c\b([^>]*)>\s*(?:<(?:[\w.-]+:)?f\b[^>]*\/>\s*)?<(?:[\w.-]+:)?v>\s*(\d+)\s*</g;
/** The t="s" attribute: only such a cell's <v> points into the shared strings. */
const SHARED_STRING = /(?:^|\s)t\s*=\s*["']s["']/;

/** Each shared string a sheet's cells refer to, by index, in one pass (`VALUE`). */
function* stringReferences(xml: string): Generator<number> {
  VALUE.lastIndex = 0;
  for (let m = VALUE.exec(xml); m; m = VALUE.exec(xml)) {
    if (SHARED_STRING.test(m[1] ?? '')) yield Number(m[2]);
  }
}

/**
 * Whether the sheet refers to one of the shared strings `indices` (a
 * shared-string cell, t="s", whose <v> holds one; a number that happens to
 * equal the index is not a reference).
 */
function refersTo(xml: string, indices: number[]): boolean {
  const wanted = new Set(indices);
  for (const i of stringReferences(xml)) if (wanted.has(i)) return true;
  return false;
}

/**
 * What read.ts keeps of a large sheet part before the shared strings are
 * known: whether it can hold a metadata cell itself, which shared strings
 * it refers to, and the empty stand-in it is replaced by unless it turns
 * out to be a candidate (then it is inflated again).
 */
export interface SheetSummary {
  mayHoldMetadata: boolean;
  /** The distinct shared-string indices its t="s" cells hold. */
  stringRefs: Set<number>;
  /** Its cell elements (<c>), for the cap on cells before it is inflated again. */
  cells: number;
  stub: Unzipped[string];
}

/** A large sheet-like part's summary, or null when it is no sheet (no <sheetData>): kept whole. */
export function summarizeSheet(name: string, data: Unzipped[string]): SheetSummary | null {
  if (!/\.xml$/i.test(name) || !hasSheetData(data)) return null;
  const xml = text(data);
  if (!SHEET_DATA.test(xml)) return null;
  const stringRefs = new Set<number>();
  for (const i of stringReferences(xml)) stringRefs.add(i);
  return {
    mayHoldMetadata: sheetMayHoldMetadata(xml),
    stringRefs,
    cells: count(CELL, xml),
    stub: emptied(xml),
  };
}

/** Whether a summarized sheet can be the progress sheet, given the metadata shared strings. */
export function summaryIsCandidate(s: SheetSummary, metadata: readonly number[]): boolean {
  return s.mayHoldMetadata || metadata.some((i) => s.stringRefs.has(i));
}

/**
 * The indices of the shared strings whose text looks like a metadata cell,
 * over every shared-strings part within `limits.maxSharedStringsBytes`
 * (planSheets refuses a larger one).
 */
export function metadataStringIndices(files: Unzipped, limits: WorkbookLimits): number[] {
  let found: number[] = [];
  for (const data of Object.values(files)) {
    if (data.length > limits.maxSharedStringsBytes) continue;
    if (!SHARED_STRINGS.test(text(data.subarray(0, 4096)))) continue;
    found = found.concat(metadataStrings(text(data)));
  }
  return found;
}

/**
 * A sheet part's root element (whatever its name, `prefix` its namespace
 * prefix with the colon, or '') holding only `body(prefix)`, in place of
 * everything the part held.
 */
function sheetRootWith(xml: string, body: (prefix: string) => string): Unzipped[string] {
  const root = /<([\w.-]+:)?(\w+)\b[^>]*>/.exec(xml.replace(/^<\?[^>]*\?>/, ''));
  const prefix = root?.[1] ?? '';
  const name = `${prefix}${root?.[2] ?? 'worksheet'}`;
  // Without attributes when SheetJS would read the tag as a hyperlink (hyperlinks.ts).
  const tag = root?.[0]?.replace(/\/>$/, '>');
  const open = tag === undefined ? '<worksheet>' : holdsHyperlink(tag) ? `<${name}>` : tag;
  return new Uint8Array(strToU8(`${open}${body(prefix)}</${name}>`));
}

/** The sheet part emptied: its root element with an empty <sheetData/>. */
const emptied = (xml: string) => sheetRootWith(xml, (prefix) => `<${prefix}sheetData/>`);

/** A sheet part's relationships: "xl/worksheets/sheet2.xml" → "xl/worksheets/_rels/sheet2.xml.rels". */
export const relsOf = (part: string) => part.replace(/([^/]*)$/, '_rels/$1.rels');

/**
 * The XML SheetJS will parse against the caps on bytes: each shared-strings
 * part, each candidate sheet, each other XML part, and all of them; the
 * problem names the part over its cap.
 */
function oversizedPart(
  files: Unzipped,
  candidates: string[],
  sharedStrings: string[],
  limits: WorkbookLimits,
): Unreadable | null {
  let total = 0;
  for (const [name, data] of Object.entries(files)) {
    if (!/\.(?:xml|rels|vml)$/i.test(name)) continue;
    const max = candidates.includes(name)
      ? limits.maxSheetBytes
      : sharedStrings.includes(name)
        ? limits.maxSharedStringsBytes
        : limits.maxPartBytes;
    if (data.length > max) return problems.partTooLarge(name, data.length, max);
    total += data.length;
  }
  return total > limits.maxParsedBytes
    ? problems.parsedTooLarge(total, limits.maxParsedBytes)
    : null;
}

/**
 * The entries with every sheet part that cannot be the progress sheet
 * emptied (and its relationships dropped, so its comments are not read
 * either), or the problem when the candidates hold more than
 * `limits.maxCells` cells, the shared strings more than
 * `limits.maxSharedStrings` items, or the XML left to parse more bytes than
 * its caps (oversizedPart). Bounded work: one pass over each part's
 * bytes. `files` must have passed safeUnzip() and the package checks.
 */
export function planSheets(
  files: Unzipped,
  limits: WorkbookLimits,
): { ok: true; plan: SheetPlan } | { ok: false; problem: Unreadable } {
  let metadata: number[] = [];
  const sharedStrings: string[] = [];
  for (const [name, data] of Object.entries(files)) {
    const head = text(data.subarray(0, 4096));
    if (!SHARED_STRINGS.test(head)) continue;
    sharedStrings.push(name);
    // Before the part is decoded: its size alone is enough to refuse it.
    if (data.length > limits.maxSharedStringsBytes) {
      return {
        ok: false,
        problem: problems.partTooLarge(name, data.length, limits.maxSharedStringsBytes),
      };
    }
    const sst = text(data);
    const items = count(STRING_ITEM, sst);
    if (items > limits.maxSharedStrings) {
      return { ok: false, problem: problems.tooManyStrings(name, items, limits.maxSharedStrings) };
    }
    // Bounded by the count just checked.
    metadata = metadata.concat(metadataStrings(sst));
  }

  const out = entryMap(files);
  const candidates: string[] = [];
  let cells = 0;
  let names: Record<string, string> | undefined;
  for (const [part, data] of Object.entries(files)) {
    if (!/\.xml$/i.test(part) || !hasSheetData(data)) continue;
    const xml = text(data);
    if (!SHEET_DATA.test(xml)) continue;
    if (sheetMayHoldMetadata(xml) || refersTo(xml, metadata)) {
      candidates.push(part);
      // The stub cells of any hyperlink SheetJS would still read (hyperlinks.ts).
      const linked = linkedCells(withoutHyperlinks(xml));
      cells += count(CELL, xml) + linked;
      if (cells > limits.maxCells) {
        names ??= sheetNamesByPart(files);
        const sheet = names[part.toLowerCase()] ?? part;
        const problem =
          linked > 0
            ? problems.tooManyLinkedCells(sheet, limits.maxCells)
            : problems.tooManyCells(sheet, cells, limits.maxCells);
        return { ok: false, problem };
      }
    } else {
      out[part] = emptied(xml);
      delete out[relsOf(part)];
    }
  }
  const oversized = oversizedPart(out, candidates, sharedStrings, limits);
  if (oversized) return { ok: false, problem: oversized };
  return { ok: true, plan: { files: out, candidates, cells } };
}
