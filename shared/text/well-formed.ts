// Text that enters from outside (a request body, a form field, an Excel
// cell) may hold a lone UTF-16 surrogate: half of an emoji cut by LEFT() or
// sent as "\uD800" in JSON. D1 would store it as invalid UTF-8. These scans
// stand in for String.prototype.isWellFormed/toWellFormed (ES2024), which
// the task pane's IE11 bundle does not have.

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** The UTF-16 index of the first lone surrogate in `text`, or -1 when it is well formed. */
export function loneSurrogateAt(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isHigh(c) && isLow(text.charCodeAt(i + 1))) i++;
    else if (isHigh(c) || isLow(c)) return i;
  }
  return -1;
}

/** `text` with each lone surrogate replaced by U+FFFD, as toWellFormed() does. */
export function toWellFormed(text: string): string {
  if (loneSurrogateAt(text) < 0) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isHigh(c) && isLow(text.charCodeAt(i + 1))) {
      out += text.slice(i, i + 2);
      i++;
    } else out += isHigh(c) || isLow(c) ? '\ufffd' : text.charAt(i);
  }
  return out;
}

// NUL and the noncharacters U+FFFE/U+FFFF can be written in no workbook
// (XML 1.0 §2.2): such text is refused where it enters, not at export.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding NUL is the point
const UNUSABLE = /[\u0000\ufffe\uffff]/;

/** Why text holding NUL, U+FFFE or U+FFFF is refused (hasUnusableCharacter). */
export const UNUSABLE_CHARACTER_MESSAGE =
  'Văn bản có ký tự không dùng được (NUL, U+FFFE hoặc U+FFFF) / The text holds a character that cannot be used (NUL, U+FFFE or U+FFFF)';

/** True when `text` holds NUL, U+FFFE or U+FFFF, which no workbook can hold. */
export function hasUnusableCharacter(text: string): boolean {
  return UNUSABLE.test(text);
}

/** The UTF-16 index of the first NUL, U+FFFE or U+FFFF in `text`, or -1 when there is none. */
export function unusableCharacterAt(text: string): number {
  const m = UNUSABLE.exec(text);
  return m ? m.index : -1;
}
