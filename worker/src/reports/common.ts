// What the merged workbook and the template share: the print look of a
// Decree 30/2020 document (Times New Roman, black on white, thin borders)
// and the Vietnamese way of writing dates and times.
import { parseAddress } from '../../../shared/layout/a1.ts';
import type { Cell, CellValue, PrintSetup, Sheet, Style } from '../xlsx/types.ts';

export const FONT_NAME = 'Times New Roman';

/** A4 landscape, every column on one page width, the given rows on every page. */
export function landscape(repeatRows?: [number, number]): PrintSetup {
  return {
    orientation: 'landscape',
    paper: 'A4',
    fitToWidth: true,
    ...(repeatRows ? { repeatRows } : {}),
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5 },
  };
}

/**
 * "Trang 2/5" centred in the footer of every printed page (Times New Roman
 * 11 pt), in SpreadsheetML's footer codes: &"font,style", &size, &P, &N.
 */
export const PAGE_NUMBER_FOOTER = `&C&"${FONT_NAME},Regular"&11Trang &P/&N`;

/** The sheet with its pages numbered in the footer ("Trang 1/3"). */
export function withPageNumbers(sheet: Sheet): Sheet {
  return { ...sheet, print: { ...sheet.print, footer: PAGE_NUMBER_FOOTER } };
}

export function style(
  size: number,
  rest: Omit<Style, 'font'> & {
    bold?: boolean;
    italic?: boolean;
    underline?: boolean;
    color?: string;
  } = {},
): Style {
  const { bold, italic, underline, color, ...s } = rest;
  return {
    font: {
      name: FONT_NAME,
      size,
      ...(bold ? { bold } : {}),
      ...(italic ? { italic } : {}),
      ...(underline ? { underline } : {}),
      ...(color ? { color } : {}),
    },
    ...s,
  };
}

/** A table's header cells: bold, centred, wrapped, bordered, on light grey. */
export const TABLE_HEADER = style(11, {
  bold: true,
  border: true,
  wrap: true,
  horizontal: 'center',
  vertical: 'center',
  fill: 'F2F2F2',
});

/** A cell; empty text is left empty (a bordered blank, not an empty string). */
export function cell(value: CellValue | undefined, s?: Style): Cell {
  const v = value === undefined || value === '' ? null : value;
  return s ? { value: v, style: s } : { value: v };
}

/** dd/mm/yyyy and Vietnam's time: the project's one formatter (shared/text/vi-format.ts). */
export { viDate, viDateTime } from '../../../shared/text/vi-format.ts';

/**
 * Decree 30/2020 place and date line: "Lý Sơn, ngày 05 tháng 3 năm 2026".
 * Days below 10 and the months January and February take a leading zero
 * (Decree 30, Appendix I); the other months do not.
 */
export function placeDateLine(place: string, isoDate: string): string {
  const [y, m, d] = isoDate.split('-');
  const month = Number(m) <= 2 ? (m as string) : String(Number(m));
  return `${place}, ngày ${d} tháng ${month} năm ${y}`;
}

/** Vietnamese upper case ("Ban Tổ chức" → "BAN TỔ CHỨC"), for Decree 30 header lines. */
export function upper(text: string): string {
  // Vietnamese has no casing rules of its own: the default mapping is exact.
  return text.toUpperCase();
}

// ---- row heights ----
// Neither Excel nor LibreOffice grows a row for wrapped text when it opens a
// file (and never for merged cells), so each row gets a height estimated
// from its texts: a greedy word wrap with Times New Roman's glyph widths
// (in em, by kind of character) at the column's width.

/** Pixels per column width unit: the digit width of the default font (Times New Roman 12 pt). */
export const PX_PER_WIDTH = 8;
const PX_PER_PT = 96 / 72;
const MAX_ROW_HEIGHT = 409;
/** A row's height, in points, when it has none of its own (the default font's line). */
export const DEFAULT_ROW_HEIGHT = 15.75;
/** Line height as a share of the font size: Excel's Times New Roman 11 pt line is 18 px (13.5 pt). */
const LINE = 1.2;

/**
 * How much room an estimate leaves: the share of a cell's width a line of
 * text may fill, and the points added to the lines' height. Excel draws
 * Times New Roman with hinted widths a few per cent wider than its design
 * widths, LibreOffice with the design widths and a shorter line.
 */
export interface RowFit {
  widthShare: number;
  padding: number;
}

/**
 * The estimate every sheet is fitted with, and long texts are cut by
 * (merged/split.ts): close to the text (issue 14: rows twice the height of
 * their text), the line count LibreOffice draws for the merged workbook's
 * and the template's texts, 5 % of the width kept for Excel's wider hinted
 * glyphs.
 */
export const CLOSE_FIT: RowFit = { widthShare: 0.95, padding: 3 };

// Times New Roman advance widths in thousandths of an em, a–z and A–Z
// (regular, bold); a Vietnamese letter takes its base letter's width.
const WIDTHS = {
  lower: [
    444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, 500, 500, 333, 389,
    278, 500, 500, 722, 500, 500, 444,
  ],
  upper: [
    722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, 556, 722, 667, 556,
    611, 722, 722, 944, 722, 722, 611,
  ],
  lowerBold: [
    500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556, 278, 833, 556, 500, 556, 556, 444, 389,
    333, 556, 500, 722, 500, 500, 444,
  ],
  upperBold: [
    722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944, 722, 778, 611, 778, 722, 556,
    667, 722, 722, 1000, 722, 722, 667,
  ],
};
const PUNCTUATION: Record<string, number> = {
  ' ': 250,
  ',': 250,
  '.': 250,
  ':': 278,
  ';': 278,
  '/': 278,
  '-': 333,
  '(': 333,
  ')': 333,
  '%': 833,
};

// Widths by UTF-16 code unit, measured once (Vietnamese is U+00C0–U+1EF9).
const CACHED = 0x3000;
const emCache = [new Float32Array(CACHED), new Float32Array(CACHED)];

function charEm(code: number, bold: boolean): number {
  if (code >= CACHED) return 0.5;
  const cache = emCache[bold ? 1 : 0] as Float32Array;
  let em = cache[code] as number;
  if (!em) {
    em = measure(String.fromCharCode(code), bold);
    cache[code] = em;
  }
  return em;
}

function measure(ch: string, bold: boolean): number {
  const base = (ch.normalize('NFD')[0] ?? ch).replace('đ', 'd').replace('Đ', 'D');
  const code = base.charCodeAt(0);
  let w: number | undefined;
  if (code >= 97 && code <= 122) w = (bold ? WIDTHS.lowerBold : WIDTHS.lower)[code - 97];
  else if (code >= 65 && code <= 90) w = (bold ? WIDTHS.upperBold : WIDTHS.upper)[code - 65];
  else if (code >= 48 && code <= 57) w = 500;
  else w = PUNCTUATION[base];
  // Combining marks take no room of their own.
  if (code >= 0x300 && code <= 0x36f) w = 1;
  return (w ?? 500) / 1000;
}

/**
 * Lines a text takes when wrapped at `lineEm` (in em of its font): a greedy
 * word wrap, line breaks (\n, \r\n, \r) start a new line, and a word
 * longer than the line breaks wherever it must. Stops counting at the first
 * word that takes it past `limit` (the count is then above `limit`).
 */
export function wrappedLines(text: string, lineEm: number, bold = false, limit = 1000): number {
  return fittingCuts(text, lineEm, limit, undefined, bold).total;
}

/**
 * Line counts already known, by line width (em of the font) and then text:
 * what merged/split.ts measured while cutting a sheet's texts into pieces,
 * so that neither it (for the same text in another row) nor fitRowHeights
 * wraps a text a second time. Regular (not bold) text only, as
 * wrappedLines counts it; each count within the piece limit, so exact.
 */
export type KnownLines = Map<number, Map<string, number>>;

/** Records that `text` wraps to `lines` lines at `lineEm` (regular text). */
export function rememberLines(
  known: KnownLines,
  lineEm: number,
  text: string,
  lines: number,
): void {
  let byText = known.get(lineEm);
  if (!byText) {
    byText = new Map();
    known.set(lineEm, byText);
  }
  byText.set(text, lines);
}

/** A word boundary of a text (the index of a run of whitespace) and the lines of the text before it. */
export interface Cut {
  at: number;
  lines: number;
}

// What each UTF-16 code unit is to the wrap: part of a word; whitespace
// (/\s/) that the wrap keeps inside a word (tab, no-break space…); a space;
// a line feed; a carriage return. Below CACHED from a table made once;
// from CACHED on only U+3000 and U+FEFF are whitespace.
const WORD = 0;
const SPACE_IN_WORD = 1;
const SPACE = 2;
const LF = 3;
const CR = 4;
const KIND = new Uint8Array(CACHED);
for (const c of [9, 11, 12, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f]) KIND[c] = SPACE_IN_WORD;
for (let c = 0x2000; c <= 0x200a; c++) KIND[c] = SPACE_IN_WORD;
KIND[32] = SPACE;
KIND[10] = LF;
KIND[13] = CR;
const kindOf = (code: number) =>
  code < CACHED
    ? (KIND[code] as number)
    : code === 0x3000 || code === 0xfeff
      ? SPACE_IN_WORD
      : WORD;

// The wrap's one question per character, by weight (regular, bold) and
// UTF-16 code unit, answered once and kept: 0 not asked yet; above 0 a
// word's character, its width in em (never 0: a combining mark is 0.001);
// below 0 the other kinds (-1 - kind), whose width, when the wrap needs it,
// comes from charEm. Every code unit, so the loop needs no range check.
const wrapTable = [new Float32Array(0x10000), new Float32Array(0x10000)];

function wrapEntry(table: Float32Array, code: number, bold: boolean): void {
  const kind = kindOf(code);
  table[code] = kind === WORD ? charEm(code, bold) : -1 - kind;
}
const IN_WORD = -1 - SPACE_IN_WORD;
const AT_SPACE = -1 - SPACE;
const AT_CR = -1 - CR;

const charCodeAt = String.prototype.charCodeAt;
/**
 * `text.charCodeAt(i)`, for the per-character loops of row-height
 * estimation. Written as a call of String.prototype.charCodeAt so that V8
 * compiles it to a direct read whatever kind of string it gets: a workbook's
 * texts come as literals, slices and joins of one-byte and two-byte text,
 * each a different hidden class, and `text.charCodeAt` looked up on that
 * many turns into a generic property lookup and call per character: the
 * wrap cost 2–3× more per character inside a real build than on the same
 * texts alone (Node 22); this way the merged workbook's build is 0.5 ms
 * (a quarter) shorter in Node and in workerd.
 */
export const codeAt = (text: string, i: number): number => charCodeAt.call(text, i);

/** What fittingCuts finds (see there). */
export interface FittingCuts {
  last: Cut | undefined;
  marked: Cut | undefined;
  whole: boolean;
  total: number;
}

// One object shape for every result: no spreads, nothing made for a boundary not found.
function cutsResult(
  lastAt: number,
  lastLines: number,
  markedAt: number,
  markedLines: number,
  whole: boolean,
  total: number,
): FittingCuts {
  return {
    last: lastAt >= 0 ? { at: lastAt, lines: lastLines } : undefined,
    marked: markedAt >= 0 ? { at: markedAt, lines: markedLines } : undefined,
    whole,
    total,
  };
}

/**
 * The greedy word wrap of `text` at `lineEm` (what wrappedLines counts), and
 * of its word boundaries (the index of each run of whitespace, as /\s+/g
 * finds them, the start excluded) whose prefix `text.slice(0, at)` wraps to
 * at most `maxLines` lines: the last (`last`), and the last for which
 * `marked(text, at)` holds (`marked`), each with its prefix's lines,
 * undefined when there is none; whether the whole text fits, and its lines
 * (`total`: exact when it fits, else the first count past `maxLines`). A
 * prefix never takes fewer lines than a shorter one, so the fitting
 * boundaries are the first ones of the text. One pass over the text: what
 * wrapping prefix after prefix would tell, for merged/split.ts.
 */
export function fittingCuts(
  text: string,
  lineEm: number,
  maxLines: number,
  marked?: (text: string, at: number) => boolean,
  bold = false,
): FittingCuts {
  const table = wrapTable[bold ? 1 : 0] as Float32Array;
  const space = charEm(32, bold);
  let lines = 1;
  let used = 0; // em on the current line, before the current word
  let word = 0; // em of the current word
  // The last fitting boundary and the last marked one (-1: none yet), with their lines.
  let lastAt = -1;
  let lastLines = 0;
  let markedAt = -1;
  let markedLines = 0;
  let afterSpace = true; // no boundary at the start
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const code = codeAt(text, i);
    let e = table[code] as number;
    // Read back from the table, not taken from wrapEntry's return: with a
    // call's result as one of its values, V8 often kept `e` as a boxed
    // number, a heap allocation per character (one build's texts wrapped
    // in 0.63–0.65 ms in four Node processes of six, 0.47 in the others;
    // this way 0.45–0.46 in all six).
    if (e === 0) {
      wrapEntry(table, code, bold);
      e = table[code] as number;
    }
    if (e > 0) {
      word += e;
      afterSpace = false;
      continue;
    }
    if (!afterSpace) {
      const l = linesPlaced(lines, used, word, space, lineEm);
      if (l > maxLines) return cutsResult(lastAt, lastLines, markedAt, markedLines, false, l);
      lastAt = i;
      lastLines = l;
      if (marked?.(text, i)) {
        markedAt = i;
        markedLines = l;
      }
      afterSpace = true;
    }
    if (e === IN_WORD) {
      word += charEm(code, bold);
      continue;
    }
    // A space or a line break: the current word goes on the lines.
    if (word > 0) {
      const need = used ? used + space + word : word;
      if (need <= lineEm) {
        used = need;
      } else {
        if (used) lines++;
        while (word > lineEm) {
          lines++;
          word -= lineEm;
        }
        used = word;
      }
      word = 0;
    }
    if (e !== AT_SPACE) {
      if (e === AT_CR && codeAt(text, i + 1) === 10) i++;
      lines++;
      used = 0;
    }
  }
  const total = linesPlaced(lines, used, word, space, lineEm);
  return cutsResult(lastAt, lastLines, markedAt, markedLines, total <= maxLines, total);
}

/** The lines so far once the current word (`word` em) is placed after `used` em of the last line. */
function linesPlaced(lines: number, used: number, word: number, space: number, lineEm: number) {
  if (word <= 0) return lines;
  const need = used ? used + space + word : word;
  if (need <= lineEm) return lines;
  let l = used ? lines + 1 : lines;
  for (let w = word; w > lineEm; w -= lineEm) l++;
  return l;
}

/**
 * Sets a height (points, at most 409) on every row whose text needs more
 * than the default, estimated with `fit` (CLOSE_FIT unless given). Rows that
 * already have a height are left as they are. Texts in `known` at their
 * line width are not wrapped again.
 */
export function fitRowHeights(sheet: Sheet, fit: RowFit = CLOSE_FIT, known?: KnownLines): Sheet {
  const widths = (sheet.columns ?? []).map((c) => c.width);
  // Merged cells by anchor, keyed row * COLS + column: a number, not a
  // string built for every cell.
  const COLS = 16384;
  const span = new Map<number, number>(); // anchor → merged width
  const covered = new Set<number>(); // vertical merges: left to their rows
  for (const m of sheet.merges ?? []) {
    const [a, b] = m.split(':').map((x) => parseAddress(x));
    if (!a || !b) continue;
    if (a.row !== b.row) {
      covered.add(a.row * COLS + a.col);
      continue;
    }
    let w = 0;
    for (let c = a.col; c <= b.col; c++) w += widths[c - 1] ?? 8.43;
    span.set(a.row * COLS + a.col, w);
  }
  // What this call has wrapped, by font (size, weight), line width and
  // text: a text repeated down the sheet (a task's content on each of its
  // agencies' rows) is wrapped once.
  const measured: Measured = new Map();
  for (const row of sheet.rows) {
    if (row.height) continue;
    let height = 0;
    const cells = row.cells;
    for (let i = 0; i < cells.length; i++) {
      const c = cells[i];
      if (!c || typeof c.value !== 'string') continue;
      const key = row.index * COLS + i + 1;
      if (covered.has(key)) continue;
      const font = c.style?.font;
      const size = font?.size ?? 12;
      const bold = !!font?.bold;
      let lines: number;
      if (c.style?.wrap) {
        const lineEm = lineEmAt(span.get(key) ?? widths[i] ?? 8.43, size, fit);
        const text = c.value;
        const seen = measuredAt(measured, size, bold, lineEm);
        let l = (bold ? undefined : known?.get(lineEm)?.get(text)) ?? seen.get(text);
        if (l === undefined) {
          l = wrappedLines(text, lineEm, bold, MAX_ROW_HEIGHT / (size * LINE));
          seen.set(text, l);
        }
        lines = l;
      } else {
        lines = c.value.split(/\r\n?|\n/).length;
      }
      // One line of up to 12 pt fits the default row height.
      if (lines > 1 || size > 12) height = Math.max(height, lines * size * LINE + fit.padding);
    }
    if (height > DEFAULT_ROW_HEIGHT) row.height = Math.min(MAX_ROW_HEIGHT, Math.ceil(height));
  }
  return sheet;
}

/** Line counts by font (size × 2, + 1 when bold), then line width (em), then text. */
type Measured = Map<number, Map<number, Map<string, number>>>;

function measuredAt(m: Measured, size: number, bold: boolean, lineEm: number) {
  const font = size * 2 + (bold ? 1 : 0);
  let byWidth = m.get(font);
  if (!byWidth) {
    byWidth = new Map();
    m.set(font, byWidth);
  }
  let byText = byWidth.get(lineEm);
  if (!byText) {
    byText = new Map();
    byWidth.set(lineEm, byText);
  }
  return byText;
}

/**
 * The line width, in em of a `size`-point font, that fitRowHeights wraps a
 * wrapped cell's text at in a column (or merged span) `width` characters wide,
 * with `fit`'s share of the width (CLOSE_FIT unless given): for sheets that
 * lay a long text out over several rows (merged/split.ts), so a piece is
 * cut by the estimate its row is fitted with.
 */
export function lineEmAt(width: number, size: number, fit: RowFit = CLOSE_FIT): number {
  return ((width * PX_PER_WIDTH - 7) * fit.widthShare) / (size * PX_PER_PT);
}
