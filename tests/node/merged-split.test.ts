// Long texts over several rows (worker/src/reports/merged/split.ts): the
// pieces give the text back, each fits a row, and a cut falls after a
// sentence where one is near, else after a word.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fittingCuts, lineEmAt, wrappedLines } from '../../worker/src/reports/common.ts';
import { PIECE_LINES, splitRow, splitText } from '../../worker/src/reports/merged/split.ts';
import { LONG_RESULT } from './readers/fixtures.ts';

const lines = (s: string, width: number) => wrappedLines(s, lineEmAt(width, 11));

describe('splitText', () => {
  it('a text that fits one row stays whole; an empty one gives no piece', () => {
    expect(splitText('Đã tổ chức 02 hội nghị.', 36)).toEqual(['Đã tổ chức 02 hội nghị.']);
    expect(splitText('  ', 36)).toEqual([]);
  });

  it('a 4,000-character result: pieces that fit, cut after sentences, joined back exactly', () => {
    const pieces = splitText(LONG_RESULT, 36);
    expect(pieces.length).toBeGreaterThan(2);
    expect(pieces.join(' ')).toBe(LONG_RESULT);
    for (const p of pieces) expect(lines(p, 36)).toBeLessThanOrEqual(PIECE_LINES);
    for (const p of pieces.slice(0, -1)) expect(p).toMatch(/[.;:]$/);
    // Each piece but the last is at least half full.
    for (const p of pieces.slice(0, -1))
      expect(lines(p, 36)).toBeGreaterThanOrEqual(PIECE_LINES / 2);
  });

  it('without sentences it cuts after a word; a word longer than a row is cut inside', () => {
    const words = Array.from({ length: 600 }, (_, i) => `từ${i}`).join(' ');
    const pieces = splitText(words, 22);
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.join(' ')).toBe(words);
    const word = 'x'.repeat(5_000);
    const cut = splitText(word, 22);
    expect(cut.length).toBeGreaterThan(1);
    expect(cut.join('')).toBe(word);
    for (const p of cut) expect(lines(p, 22)).toBeLessThanOrEqual(PIECE_LINES);
  });
});

describe('fittingCuts', () => {
  // What splitText learns in one pass must be what wrapping each prefix tells.
  const piece = fc.constantFrom(
    'a',
    'W',
    'ệ',
    'Đ',
    ' ',
    '  ',
    '\n',
    '\r\n',
    '\t',
    '\u00a0',
    '.',
    'x'.repeat(30),
    '\u0301',
  );
  it('gives the last word boundary whose prefix fits, and the last marked one, with the lines wrappedLines counts', () => {
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 200 }).map((p) => p.join('')),
        fc.double({ min: 2, max: 40, noNaN: true }),
        fc.integer({ min: 1, max: 20 }),
        (text, lineEm, maxLines) => {
          // Marked: boundaries after a full stop.
          const afterStop = (t: string, at: number) => t[at - 1] === '.';
          const got = fittingCuts(text, lineEm, maxLines, afterStop);
          const lines = (at: number) => wrappedLines(text.slice(0, at), lineEm);
          const fitting = [...text.matchAll(/\s+/g)]
            .map((m) => m.index)
            .filter((at) => at > 0 && lines(at) <= maxLines);
          const last = fitting.at(-1);
          const marked = fitting.filter((at) => afterStop(text, at)).at(-1);
          expect(got.last).toEqual(
            last === undefined ? undefined : { at: last, lines: lines(last) },
          );
          expect(got.marked).toEqual(
            marked === undefined ? undefined : { at: marked, lines: lines(marked) },
          );
          expect(got.whole).toBe(wrappedLines(text, lineEm) <= maxLines);
          if (got.whole) expect(got.total).toBe(wrappedLines(text, lineEm));
        },
      ),
    );
  });
});

describe('splitRow', () => {
  it('as many rows as the longest text needs; the others leave their cells empty', () => {
    const rows = splitRow([LONG_RESULT, 'Ngắn.', null, ''], [36, 22, 22, 22]);
    expect(rows.length).toBe(splitText(LONG_RESULT, 36).length);
    expect(rows[0]?.slice(1)).toEqual(['Ngắn.', null, null]);
    for (const r of rows.slice(1)) expect(r.slice(1)).toEqual([null, null, null]);
    expect(splitRow([null, null], [36, 22])).toEqual([[null, null]]);
  });
});
