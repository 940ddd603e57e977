// Long texts over several rows. Excel and LibreOffice cap a row at 409
// points, so a cell holding more than about thirty lines prints cut off
// mid-sentence: a 4,000-character result (TEXT_LIMITS.result) in a column
// 36 characters wide needs some eighty. A sheet splits such a text into
// pieces that each fit a row and prints them on the rows below one another
// ("(tiếp)" rows), so that every character is on paper.
import {
  codeAt,
  fittingCuts,
  type KnownLines,
  lineEmAt,
  rememberLines,
  wrappedLines,
} from '../common.ts';

/**
 * Lines a piece may take: 20 of 11 pt (about 270 points) leaves a third of
 * the 409-point row for the estimate's error (wrappedLines guesses glyph
 * widths) and lets two pieces share a printed page (breaks.ts).
 */
export const PIECE_LINES = 20;

// A sentence ends with . ! ? ; or : (the appendix's lists use ";") or …,
// possibly followed by a closing quote or bracket (” " ' ) ]).
const isSentenceEnd = (c: number) =>
  c === 0x2e || c === 0x21 || c === 0x3f || c === 0x3b || c === 0x3a || c === 0x2026;
const isCloser = (c: number) =>
  c === 0x201d || c === 0x22 || c === 0x27 || c === 0x29 || c === 0x5d;

/** Whether `text.slice(0, at)` ends a sentence, read backwards from `at` (no copy). */
function endsSentence(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && isCloser(codeAt(text, i))) i--;
  return i >= 0 && isSentenceEnd(codeAt(text, i));
}

/**
 * `text` cut into pieces that each wrap to at most `maxLines` lines in a
 * column `width` characters wide at `size` points (the estimate of
 * fitRowHeights). Cuts after the last sentence that fits when it fills at
 * least half of what fits, else after the last word that fits, else (one
 * word longer than a row) inside the word. The whitespace where a piece is
 * cut is dropped, nothing else: joining the pieces with a space gives the
 * text back when it had single spaces there. An empty text gives [].
 * Each piece's lines, when cut at a word, go into `known` (for
 * fitRowHeights), and a text found there whole is not measured again.
 */
export function splitText(
  text: string,
  width: number,
  size = 11,
  maxLines = PIECE_LINES,
  known?: KnownLines,
): string[] {
  const lineEm = lineEmAt(width, size);
  const fits = (s: string) => wrappedLines(s, lineEm, false, maxLines + 1) <= maxLines;
  const pieces: string[] = [];
  let rest = text.trim();
  // A text this sheet has already measured (the same text in another row)
  // fits as it did. Asked of the whole text only: what is left after a cut
  // is new, and looking it up would hash it again after every piece.
  if (rest && (known?.get(lineEm)?.get(rest) ?? Infinity) <= maxLines) return [rest];
  while (rest) {
    // The last word boundary whose prefix fits, and the last after a sentence.
    const fit = fittingCuts(rest, lineEm, maxLines, endsSentence);
    if (fit.whole) {
      pieces.push(rest);
      if (known) rememberLines(known, lineEm, rest, fit.total);
      break;
    }
    let end: number;
    if (fit.last) {
      // After the last sentence that fits when it fills at least half of
      // what fits, else after the last word.
      const cut = fit.marked && fit.marked.at >= fit.last.at / 2 ? fit.marked : fit.last;
      end = cut.at;
      const piece = rest.slice(0, end);
      pieces.push(piece);
      if (known) rememberLines(known, lineEm, piece, cut.lines);
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
      pieces.push(rest.slice(0, end));
    }
    rest = rest.slice(end).trimStart();
  }
  return pieces;
}

/**
 * The texts of one table row laid out over as many rows as its longest
 * text needs: `rows[i][j]` is the i-th piece of `texts[j]` (null past its
 * end), at least one row. `widths[j]` is the column width of `texts[j]`;
 * the pieces' lines go into `known` (splitText).
 */
export function splitRow(
  texts: readonly (string | null | undefined)[],
  widths: readonly number[],
  size = 11,
  known?: KnownLines,
): (string | null)[][] {
  const pieces: string[][] = [];
  let n = 1;
  for (let j = 0; j < texts.length; j++) {
    const t = texts[j];
    const p = t ? splitText(t, widths[j] ?? 8.43, size, PIECE_LINES, known) : [];
    pieces.push(p);
    if (p.length > n) n = p.length;
  }
  // Plain loops: Array.from over an array-like takes V8's generic path
  // (about 0.1 ms of a 1.4 ms build in Node).
  const rows: (string | null)[][] = [];
  for (let i = 0; i < n; i++) {
    const row: (string | null)[] = [];
    for (const p of pieces) row.push(p[i] ?? null);
    rows.push(row);
  }
  return rows;
}
