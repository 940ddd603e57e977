// Letters that look like the Vietnamese letters of a list value but are other
// characters: Latin eth Ð/ð, which old Vietnamese encodings and fonts put
// where Đ/đ belongs, and the Cyrillic and Greek capitals and small letters
// that are drawn like Latin ones. Pairs taken from Unicode's confusables
// data (UTS #39, confusables.txt), limited to the letters that can occur in
// the list values; a list value is matched on the folded text and the
// message names each letter that was read as another.

/** Look-alike → the letter it is taken for. */
const LOOK_ALIKES: Record<string, string> = {
  // Latin eth (U+00D0, U+00F0): the stroke D of TCVN3/VNI-era fonts.
  Ð: 'Đ',
  ð: 'đ',
  // African D (U+0189, U+0256): listed as confusable with Đ/đ.
  Ɖ: 'Đ',
  ɖ: 'đ',
  // Cyrillic
  А: 'A',
  В: 'B',
  Е: 'E',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  Х: 'X',
  І: 'I',
  а: 'a',
  е: 'e',
  о: 'o',
  р: 'p',
  с: 'c',
  у: 'y',
  х: 'x',
  і: 'i',
  һ: 'h',
  ј: 'j',
  ѕ: 's',
  ԁ: 'd',
  // Latin letters of other alphabets (IPA, Turkish)
  ɑ: 'a',
  ɡ: 'g',
  ı: 'i',
  // Small roman numerals (U+2170…)
  ⅰ: 'i',
  ⅴ: 'v',
  ⅹ: 'x',
  ⅼ: 'l',
  ⅽ: 'c',
  ⅾ: 'd',
  ⅿ: 'm',
  // Greek
  Α: 'A',
  Β: 'B',
  Ε: 'E',
  Η: 'H',
  Ι: 'I',
  Κ: 'K',
  Μ: 'M',
  Ν: 'N',
  Ο: 'O',
  Ρ: 'P',
  Τ: 'T',
  Χ: 'X',
  ο: 'o',
  α: 'a',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ρ: 'p',
};

export interface LookAlike {
  /** The character in the cell, and its code point as "U+00D0". */
  found: string;
  foundCode: string;
  /** The letter it was taken for, and its code point. */
  meant: string;
  meantCode: string;
}

const codeOf = (ch: string) =>
  ch ? `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}` : '—';

/** Letters Vietnamese is written with: ASCII, and the Vietnamese letters of Latin-1, Latin Extended-A/B and Extended Additional. */
const VIETNAMESE_LETTER =
  /[A-Za-z0-9\s.,;:()\-–'"“”%/ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúýĂăĐđĨĩŨũƠơƯưẠ-ỹ]/u;

/**
 * The characters of `text` (NFC) that are not used to write Vietnamese, with
 * their code points, each once: what a message names when a list value is
 * not recognised ("α (U+03B1)"), since such a letter looks like one that is.
 */
export function foreignLetters(text: string): string[] {
  const found = new Set<string>();
  for (const ch of text.normalize('NFC')) if (!VIETNAMESE_LETTER.test(ch)) found.add(ch);
  return [...found].map((ch) => `${ch} (${codeOf(ch)})`);
}

/** Characters that show nothing (soft hyphen, zero-width space and joiners, word joiner, BOM). */
const INVISIBLE = /[\u00ad\u200b-\u200f\u2060\ufeff]/;

/**
 * `text` with each look-alike letter replaced by the letter it is drawn
 * like, and the replacements made (each distinct character once): the pairs
 * above; compatibility forms that NFKC folds (fullwidth Ｈ, mathematical 𝐇);
 * invisible characters dropped. Combining tone marks stay on the replaced
 * letter.
 */
export function foldLookAlikes(text: string): { text: string; swaps: LookAlike[] } {
  const swaps = new Map<string, LookAlike>();
  const note = (found: string, meant: string) => {
    if (!swaps.has(found)) {
      swaps.set(found, { found, foundCode: codeOf(found), meant, meantCode: codeOf(meant) });
    }
  };
  let compatible = '';
  for (const ch of text.normalize('NFC')) {
    if (INVISIBLE.test(ch)) {
      note(ch, '');
      continue;
    }
    const k = ch.normalize('NFKC');
    if (k !== ch && k.length === 1 && /\p{L}/u.test(k)) note(ch, k);
    compatible += k === ch || k.length !== 1 ? ch : k;
  }
  let out = '';
  for (const ch of compatible.normalize('NFD')) {
    const meant = LOOK_ALIKES[ch];
    if (meant === undefined) {
      out += ch;
      continue;
    }
    out += meant;
    note(ch, meant);
  }
  return { text: out.normalize('NFC'), swaps: [...swaps.values()] };
}
