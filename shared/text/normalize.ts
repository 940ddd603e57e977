// Text comparison rules for Vietnamese administrative text.
// The same words arrive precomposed (NFC) or decomposed (NFD), with
// non-breaking spaces and typographic dashes from Word, and with the
// irregular spacing of a PDF extraction. Compare on a folded form, store NFC.

const SPACES = /[\s\u00a0\u1680\u2000-\u200b\u202f\u205f\u3000\ufeff]+/g;
const DASHES = /[\u2010-\u2015\u2212]/g;
const QUOTES_DOUBLE = /[\u201c\u201d\u201e\u201f\u00ab\u00bb]/g;
const QUOTES_SINGLE = /[\u2018\u2019\u201a\u201b]/g;

// ASCII, the Latin-1 letters Vietnamese uses (à á â ã è é ê ì í ò ó ô õ ù ú ý),
// Latin Extended-A and -B (ă đ ĩ ũ ơ ư) and Vietnamese U+1EA0–U+1EF9 (ạ…ỹ):
// every one is its own NFC form and none combines with a neighbour from the
// set (tests/shared/text.test.ts checks each one and each pair). Latin-1
// symbols (U+00A1–U+00BF) and other Latin-1 letters are left out: they mark
// text in a legacy encoding (legacy.ts), which plain text then cannot be.
const NOT_PLAIN =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is left out on purpose
  /[^\u0001-\u00a0\u00c0-\u00c3\u00c8-\u00ca\u00cc\u00cd\u00d2-\u00d5\u00d9\u00da\u00dd\u00e0-\u00e3\u00e8-\u00ea\u00ec\u00ed\u00f2-\u00f5\u00f9\u00fa\u00fd\u0100-\u02ff\u1ea0-\u1ef9]/;

/**
 * True when `text` holds only ASCII, the Latin-1 letters Vietnamese uses,
 * Latin Extended-A/B and precomposed Vietnamese (ạ…ỹ): it is then its own
 * NFC form, holds no surrogate, NUL or noncharacter, and cannot be text in
 * a legacy encoding (legacy.ts), so a reader can skip those checks.
 */
export function isPlainText(text: string): boolean {
  return !NOT_PLAIN.test(text);
}

/** `text` in NFC; plain text (isPlainText) is returned as it is, without a pass through ICU. */
export function toNfc(text: string): string {
  return isPlainText(text) ? text : text.normalize('NFC');
}

/** NFC, every run of whitespace (incl. NBSP, zero-width) to one space, trimmed. */
export function nfcTrim(text: string): string {
  return text.normalize('NFC').replace(SPACES, ' ').trim();
}

/**
 * The folded form used to decide whether two texts say the same thing:
 * NFC, whitespace folded, typographic dashes and quotes made plain, and
 * spacing around `,` `;` `-` made regular ("Nội vụ- Lao động ,Thương binh"
 * folds like "Nội vụ - Lao động, Thương binh"). Case is kept: it matters in
 * the plan's text.
 */
export function fold(text: string): string {
  return nfcTrim(
    text
      .normalize('NFC')
      .replace(DASHES, '-')
      .replace(QUOTES_DOUBLE, '"')
      .replace(QUOTES_SINGLE, "'")
      .replace(SPACES, ' ')
      .replace(/ ?([,;.:]) ?/g, '$1 ')
      .replace(/ ?- ?/g, ' - '),
  );
}

/**
 * False when `found` is too long to fold to `expected` (the unfolded text),
 * so the caller need not fold it: NFC composes at most three code units into
 * one (a Vietnamese letter with two marks), and whitespace folding has
 * 64 characters of slack. A cell full of one huge shared string would
 * otherwise be folded in every row it fills (issue 16's third test round:
 * seconds of CPU and a gigabyte of garbage from a 10 KB upload).
 */
export function mayFoldTo(found: string, expected: string): boolean {
  return found.length <= longestFoldingTo(expected.length);
}

/** The longest text (UTF-16 code units) that may fold or compose to `length` (mayFoldTo). */
export function longestFoldingTo(length: number): number {
  return 3 * length + 64;
}

/** fold() and lower case: for list values such as a status typed by hand. */
export function foldLoose(text: string): string {
  return fold(text).toLocaleLowerCase('vi');
}
