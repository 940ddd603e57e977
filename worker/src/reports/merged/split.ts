// Long texts over several rows. Excel and LibreOffice cap a row at 409
// points, so a cell holding more than about thirty lines prints cut off
// mid-sentence: a 4,000-character result (TEXT_LIMITS.result) in a column
// 36 characters wide needs some eighty. A sheet splits such a text into
// pieces that each fit a row and prints them on the rows below one another
// ("(tiếp)" rows), so that every character is on paper.
import { lineEmAt, wrappedLines } from '../common.ts';

/**
 * Lines a piece may take: 20 of 11 pt (about 270 points) leaves a third of
 * the 409-point row for the estimate's error (wrappedLines guesses glyph
 * widths) and lets two pieces share a printed page (breaks.ts).
 */
export const PIECE_LINES = 20;

// A sentence ends with . ! ? ; or : (the appendix's lists use ";"),
// possibly followed by a closing quote or bracket.
const SENTENCE_END = /[.!?;:…][”"')\]]*$/;

/**
 * `text` cut into pieces that each wrap to at most `maxLines` lines in a
 * column `width` characters wide at `size` points (the estimate of
 * fitRowHeights). Cuts after the last sentence that fits when it fills at
 * least half of what fits, else after the last word that fits, else (one
 * word longer than a row) inside the word. The whitespace where a piece is
 * cut is dropped, nothing else: joining the pieces with a space gives the
 * text back when it had single spaces there. An empty text gives [].
 */
export function splitText(
  text: string,
  width: number,
  size = 11,
  maxLines = PIECE_LINES,
): string[] {
  const lineEm = lineEmAt(width, size);
  const fits = (s: string) => wrappedLines(s, lineEm, false, maxLines + 1) <= maxLines;
  const pieces: string[] = [];
  let rest = text.trim();
  while (rest) {
    if (fits(rest)) {
      pieces.push(rest);
      break;
    }
    // Word boundaries: the index of each run of whitespace.
    const cuts: number[] = [];
    for (const m of rest.matchAll(/\s+/g)) if (m.index > 0) cuts.push(m.index);
    // The longest prefix ending at a word boundary that fits (binary search).
    let lo = -1;
    let hi = cuts.length;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (fits(rest.slice(0, cuts[mid]))) lo = mid;
      else hi = mid;
    }
    let end: number;
    if (lo >= 0) {
      end = cuts[lo] as number;
      for (let k = lo; k >= 0; k--) {
        const at = cuts[k] as number;
        if (at < end / 2) break;
        if (SENTENCE_END.test(rest.slice(0, at))) {
          end = at;
          break;
        }
      }
    } else {
      // No word boundary fits: cut the first word where it must.
      let a = 1;
      let b = rest.length;
      while (b - a > 1) {
        const mid = (a + b) >> 1;
        if (fits(rest.slice(0, mid))) a = mid;
        else b = mid;
      }
      end = a;
    }
    pieces.push(rest.slice(0, end));
    rest = rest.slice(end).trimStart();
  }
  return pieces;
}

/**
 * The texts of one table row laid out over as many rows as its longest
 * text needs: `rows[i][j]` is the i-th piece of `texts[j]` (null past its
 * end), at least one row. `widths[j]` is the column width of `texts[j]`.
 */
export function splitRow(
  texts: readonly (string | null | undefined)[],
  widths: readonly number[],
  size = 11,
): (string | null)[][] {
  const pieces = texts.map((t, j) => (t ? splitText(t, widths[j] ?? 8.43, size) : []));
  const n = Math.max(1, ...pieces.map((p) => p.length));
  return Array.from({ length: n }, (_, i) => pieces.map((p) => p[i] ?? null));
}
