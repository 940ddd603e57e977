// Recognise Vietnamese typed in a legacy 8-bit encoding (TCVN3/ABC with the
// ".Vn" fonts, VNI) and read as Unicode: "Céng hoµ x· héi", "Coäng hoøa".
// Such text is garbage to everyone else, so we say so instead of storing it.
//
// The test: Latin-1 characters that never occur in Vietnamese (µ ¸ ¶ ¨ ¬ ®,
// ä ø û ë…) against characters only Vietnamese Unicode has (ă đ ơ ư, the
// Latin Extended Additional block ạ…ỹ, combining marks). Legacy text is full
// of the former and has none of the latter; real Vietnamese is the opposite.

// Latin-1 letters that are also Vietnamese letters.
const VIET_LATIN1 = new Set('àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ');
// TCVN3 puts its tone-marked vowels on these symbol positions.
const TCVN3_SYMBOLS = /[\u00a1-\u00bf]/;
// UTF-8 bytes read as Windows-1252: "á»™", "Ã²".
const UTF8_AS_1252 = /(?:á»|áº|Ã[\u0080-\u00bf\u2018-\u203a]|Ä‘|Æ°)/;

const MARKER = new RegExp(
  `[${Array.from({ length: 0xff - 0xa1 + 1 }, (_, i) => String.fromCharCode(0xa1 + i))
    .filter((ch) => !VIET_LATIN1.has(ch))
    .map((ch) => `\\u00${ch.charCodeAt(0).toString(16)}`)
    .join('')}]`,
);

export type LegacyEncoding = 'TCVN3' | 'VNI' | 'UTF-8 → Windows-1252';

function isVietOnly(code: number): boolean {
  return (
    (code >= 0x1ea0 && code <= 0x1ef9) || // ạ…ỹ
    (code >= 0x0300 && code <= 0x0323) || // combining marks (NFD)
    code === 0x0103 || // ă
    code === 0x0102 ||
    code === 0x0111 || // đ
    code === 0x0110 ||
    code === 0x01a1 || // ơ
    code === 0x01a0 ||
    code === 0x01b0 || // ư
    code === 0x01af
  );
}

/** The legacy encoding the text seems to be in, or undefined for ordinary text. */
export function detectLegacyEncoding(text: string): LegacyEncoding | undefined {
  // Fast path: no Latin-1 character outside the Vietnamese ones, nothing to suspect.
  if (text.length < 2 || !MARKER.test(text)) return undefined;
  let markers = 0;
  let tcvn = 0;
  let viet = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= 0xa1 && code <= 0xff && !VIET_LATIN1.has(ch)) {
      markers++;
      if (TCVN3_SYMBOLS.test(ch)) tcvn++;
    } else if (isVietOnly(code)) {
      viet++;
    }
  }
  if (UTF8_AS_1252.test(text) && viet === 0) return 'UTF-8 → Windows-1252';
  if (markers < 2 || markers <= viet) return undefined;
  // TCVN3 text nearly always uses the A1–BF symbols (à ă â đ ơ ư ô ê…); VNI does not.
  return tcvn > 0 ? 'TCVN3' : 'VNI';
}
