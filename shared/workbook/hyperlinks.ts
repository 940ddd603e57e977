// A sheet's hyperlinks as SheetJS reads them, which the reader never uses.
// SheetJS (@e965/xlsx 0.20, parse_ws_xml) takes every tag matching
// HYPERLINK anywhere in the part, not only inside <hyperlinks> (it means to
// search the text after <sheetData>, but slices at an index its match does
// not carry, so the whole part), and parse_ws_xml_hlinks then makes a stub
// cell for every cell of each tag's `ref`: one 60-byte
// <hyperlink ref="A1:Z200000"/> cost 680 ms and 620 MB in Node, past the
// Worker's 128 MB. Stub cells without a formula change nothing the reader
// reads (sheet-grid.ts hasContent), so the tags are removed from what SheetJS
// is handed (withoutHyperlinks), except inside the cells (a CDATA section in
// a cell's text is the cell's text); whatever a part still holds afterwards
// is counted, cell by cell, into the cap on cells (linkedCells,
// candidates.ts).

/** SheetJS's hlinkregex. */
const HYPERLINK = /<(?:\w+:)?hyperlink [^<>]*>/g;
/** The first <sheetData>…</sheetData>, as SheetJS's str_match_xml_ns finds it. */
const SHEET_DATA_OPEN = /<(?:\w+:)?sheetData\b[^<>]*>/g;
const SHEET_DATA_CLOSE = /<\/(?:\w+:)?sheetData>/g;

/** Whether `tag` (or any text) holds a tag SheetJS would read as a hyperlink. */
export const holdsHyperlink = (text: string) =>
  text.includes('hyperlink ') && new RegExp(HYPERLINK.source).test(text);

/** A sheet part's XML without the hyperlink tags SheetJS would read, outside its cells (see the top of this file). */
export function withoutHyperlinks(xml: string): string {
  if (!xml.includes('hyperlink ')) return xml;
  SHEET_DATA_OPEN.lastIndex = 0;
  const open = SHEET_DATA_OPEN.exec(xml);
  SHEET_DATA_CLOSE.lastIndex = SHEET_DATA_OPEN.lastIndex;
  const close = open ? SHEET_DATA_CLOSE.exec(xml) : null;
  const strip = (text: string) => text.replace(HYPERLINK, '');
  if (!open || !close) return strip(xml);
  const cellsFrom = open.index + open[0].length;
  return (
    strip(xml.slice(0, cellsFrom)) +
    xml.slice(cellsFrom, close.index) +
    strip(xml.slice(close.index))
  );
}

/**
 * How many cells SheetJS's safe_decode_range gives for the text of `s` from
 * `at`: column letters (A–Z) and row digits, then ":" and the same again
 * (one cell without it); 0 for a reversed range; Infinity past 2^53, where
 * SheetJS's loop over the range would never end.
 */
function rangeCells(s: string, at: number): number {
  let i = at;
  /** SheetJS's loop: `base`-ary digits from `zero`, each worth its code minus `zero`, within `lo`–`hi`. */
  const read = (zero: number, lo: number, hi: number, base: number) => {
    let n = 0;
    for (; i < s.length; i++) {
      const c = s.charCodeAt(i) - zero;
      if (c < lo || c > hi) break;
      n = base * n + c;
    }
    return n - 1;
  };
  const letters = () => read(64, 1, 26, 26);
  const digits = () => read(48, 0, 9, 10);
  const c1 = letters();
  const r1 = digits();
  if (!Number.isSafeInteger(c1) || !Number.isSafeInteger(r1)) return Number.POSITIVE_INFINITY;
  if (s.charCodeAt(i) !== 58) return 1;
  i++;
  const c2 = letters();
  const r2 = digits();
  if (!Number.isSafeInteger(c2) || !Number.isSafeInteger(r2)) return Number.POSITIVE_INFINITY;
  return Math.max(0, r2 - r1 + 1) * Math.max(0, c2 - c1 + 1);
}

/**
 * At least as many stub cells as SheetJS's hyperlinks would make in the
 * sheet part `xml` (after withoutHyperlinks, normally none): for each tag it
 * would read, the largest range any attribute value could hold (every place
 * a value can start: after a quote, "=" or a space), summed over the tags.
 */
export function linkedCells(xml: string): number {
  if (!xml.includes('hyperlink ')) return 0;
  let cells = 0;
  for (const [tag] of xml.matchAll(HYPERLINK)) {
    let most = 0;
    for (let i = 1; i < tag.length; i++) {
      if (/["'=\s]/.test(tag[i - 1] as string)) most = Math.max(most, rangeCells(tag, i));
    }
    cells += most;
  }
  return cells;
}
