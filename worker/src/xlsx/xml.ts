// XML text for SpreadsheetML. Cell text keeps every character the user
// typed: characters XML 1.0 cannot carry (control characters) are written as
// Excel's _xHHHH_ escapes, and a literal "_xHHHH_" in the text is itself
// escaped ("_x005F_xHHHH_") so that readers do not decode it.

// Control characters XML 1.0 forbids, U+FFFE/U+FFFF, and lone surrogates.
const UNWRITABLE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const LITERAL_ESCAPE = /_(x[0-9a-fA-F]{4}_)/g;
// Any character one of the replacements below could touch: text without
// one (most cell text) is written as it is, without four passes over it.
const MAY_CHANGE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point
  /[\u0000-\u001f_&<>"\ufffe\uffff\ud800-\udfff]/;

const hex4 = (code: number) => code.toString(16).toUpperCase().padStart(4, '0');

/** Markup-escapes text for an element or attribute (no _xHHHH_ handling). */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (ch) =>
    ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : '&quot;',
  );
}

/**
 * Cell text as SpreadsheetML carries it: line breaks as "\n" (what Excel
 * types with Alt+Enter), "_xHHHH_" literals protected, unwritable
 * characters as _xHHHH_, then markup-escaped.
 */
export function cellText(text: string): string {
  if (!MAY_CHANGE.test(text)) return text;
  const s = text
    .replace(/\r\n?/g, '\n')
    .replace(LITERAL_ESCAPE, '_x005F_$1')
    .replace(UNWRITABLE, (ch) => {
      const code = ch.charCodeAt(0);
      // A lone surrogate has no character to stand for: the replacement character.
      return code >= 0xd800 && code <= 0xdfff ? '\ufffd' : `_x${hex4(code)}_`;
    });
  return escapeXml(s);
}

/** Text for an attribute value or non-cell element: unwritable characters dropped. */
export function plainText(text: string): string {
  if (!MAY_CHANGE.test(text)) return text;
  return escapeXml(text.replace(UNWRITABLE, ''));
}
