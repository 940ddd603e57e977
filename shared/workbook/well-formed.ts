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
    const skipped = SKIPPED.find(([open]) => xml.startsWith(open, i));
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
 * The first XML part (.xml, .rels) of `files` with broken markup
 * (brokenMarkup), said in both languages with the tag's first characters;
 * null when every part passes. `files` are UTF-8 (xml-encoding.ts).
 */
export function malformedPart(files: Unzipped): Bilingual | null {
  for (const [name, data] of Object.entries(files)) {
    if (!XML_PART.test(name)) continue;
    const broken = brokenMarkup(strFromU8(data));
    if (!broken) continue;
    return {
      vi: `phần “${name}” có thẻ XML bị cắt dở: “${broken.text}”`,
      en: `part “${name}” has an XML tag cut off: “${broken.text}”`,
    };
  }
  return null;
}
