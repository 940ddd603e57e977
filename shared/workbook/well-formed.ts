// A cheap check that the XML parts SheetJS parses have whole tags. SheetJS is
// no XML parser: it cuts the text with regular expressions and reads a part
// cut inside a tag and then closed (`…<c r="H15" s="9" t</sheetData></worksheet>`,
// as a broken writer or a careless edit leaves it) as a sheet with rows
// missing. A `<` inside a tag, or a tag, comment or CDATA section that never
// ends, is not well-formed (XML 1.0 §2.4: `<` may not appear in character
// data or an attribute value; §3.1 [40] STag) and makes the file damaged.
// One pass over each part; comments, CDATA sections and processing
// instructions are skipped whole, since they may hold `<`.
import { strFromU8, type Unzipped } from 'fflate';
import type { Bilingual } from '../text/bilingual.ts';

const XML_PART = /\.(?:xml|rels)$/i;
const SKIPPED: [open: string, close: string][] = [
  ['<!--', '-->'],
  ['<![CDATA[', ']]>'],
  ['<?', '?>'],
];

/** The first broken piece of markup in `xml`: its offset and its first characters; null when none. */
export function brokenMarkup(xml: string): { at: number; text: string } | null {
  const piece = (at: number, end: number) => ({
    at,
    text: xml.slice(at, Math.min(end, at + 40)).replace(/\s+/g, ' '),
  });
  let i = xml.indexOf('<');
  while (i >= 0) {
    // Only "<!" and "<?" can open a piece that is skipped whole.
    const second = xml.charCodeAt(i + 1);
    const skipped =
      second === 0x21 || second === 0x3f
        ? SKIPPED.find(([open]) => xml.startsWith(open, i))
        : undefined;
    if (skipped) {
      const end = xml.indexOf(skipped[1], i + skipped[0].length);
      if (end < 0) return piece(i, xml.length);
      i = xml.indexOf('<', end + skipped[1].length);
      continue;
    }
    const end = xml.indexOf('>', i + 1);
    const next = xml.indexOf('<', i + 1);
    if (end < 0 || (next >= 0 && next < end)) return piece(i, next >= 0 ? next : xml.length);
    i = next;
  }
  return null;
}

/**
 * Every piece of markup, for the nesting check: comments, CDATA sections,
 * processing instructions and declarations whole (group 1 empty), else a
 * start or end tag: "/" for an end tag (1), its name (2), "/" when
 * self-closing (3). Attribute values may hold `>`, so they are read whole.
 */
const MARKUP =
  /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<![^>]*>|<(\/?)([^\s/>]+)(?:[^>"'/]|"[^"]*"|'[^']*'|\/(?!>))*(\/?)>/g;

/**
 * The first element of `xml` that is not closed in order (XML 1.0 §3
 * [39] element, the well-formedness constraint "Element Type Match": an
 * end tag names its start tag exactly, prefix included), as the tags
 * involved ("<a> … </b>", "<a> never closed", "</b> with nothing open");
 * null when the tags nest. Excel refuses such a file ("We found a problem
 * with some content"); SheetJS reads on, taking a prefixed or stray
 * `</x:cellXfs>` for the end of `<cellXfs>`. Run after brokenMarkup.
 */
export function misnestedElement(xml: string): string | null {
  const open: string[] = [];
  MARKUP.lastIndex = 0;
  for (let m = MARKUP.exec(xml); m; m = MARKUP.exec(xml)) {
    const name = m[2];
    if (name === undefined || m[3]) continue;
    if (!m[1]) open.push(name);
    else {
      const last = open.pop();
      if (last !== name) return last === undefined ? `</${name}>` : `<${last}> … </${name}>`;
    }
  }
  const last = open.pop();
  return last === undefined ? null : `<${last}>`;
}

/** Characters XML 1.0 does not allow, raw (§2.2 [2] Char: no C0 controls but tab, LF, CR; no U+FFFE, U+FFFF). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const ILLEGAL_CHAR = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;
/** A character reference (§4.1 [66]); it too must name a Char (a well-formedness constraint). */
const CHAR_REF = /&#(?:x([0-9A-Fa-f]+)|([0-9]+));/g;

const isXmlChar = (code: number) =>
  code === 0x9 ||
  code === 0xa ||
  code === 0xd ||
  (code >= 0x20 && code <= 0xd7ff) ||
  (code >= 0xe000 && code <= 0xfffd) ||
  (code >= 0x10000 && code <= 0x10ffff);

/**
 * The first character `xml` may not hold, raw or as a character reference
 * (`&#0;`, `&#x1100000;`), as its code point "U+0000"; null when none. Such
 * text is no XML at all, and SheetJS would store it as a NUL or another
 * character than the one written. Excel writes control characters in cell
 * text as `_x0001_` escapes, which are ordinary characters here.
 */
export function illegalCharacter(xml: string): string | null {
  const raw = ILLEGAL_CHAR.exec(xml)?.[0];
  if (raw !== undefined)
    return `U+${raw.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
  if (!xml.includes('&#')) return null;
  CHAR_REF.lastIndex = 0;
  for (let m = CHAR_REF.exec(xml); m; m = CHAR_REF.exec(xml)) {
    const code = m[1] ? Number.parseInt(m[1], 16) : Number(m[2]);
    if (!isXmlChar(code)) return m[0];
  }
  return null;
}

/**
 * The first XML part (.xml, .rels) of `files` with broken markup
 * (brokenMarkup), elements not closed in order (misnestedElement) or a character XML does not allow (illegalCharacter), said
 * in both languages; null when every part passes. `files` are UTF-8
 * (xml-encoding.ts).
 */
export function malformedPart(files: Unzipped): Bilingual | null {
  for (const [name, data] of Object.entries(files)) {
    if (!XML_PART.test(name)) continue;
    const xml = strFromU8(data);
    const broken = brokenMarkup(xml);
    if (broken) {
      return {
        vi: `phần “${name}” có thẻ XML bị cắt dở: “${broken.text}”`,
        en: `part “${name}” has an XML tag cut off: “${broken.text}”`,
      };
    }
    const misnested = misnestedElement(xml);
    if (misnested) {
      return {
        vi: `phần “${name}” có phần tử XML không đóng đúng thứ tự: “${misnested}”`,
        en: `part “${name}” has an XML element not closed in order: “${misnested}”`,
      };
    }
    const illegal = illegalCharacter(xml);
    if (illegal) {
      return {
        vi: `phần “${name}” có ký tự XML không cho phép (${illegal})`,
        en: `part “${name}” holds a character XML does not allow (${illegal})`,
      };
    }
  }
  return null;
}
