// What SheetJS is handed of the checked entries, less what it would parse
// only to fill in what the reader never reads, each part found as SheetJS
// finds it (its content type in [Content_Types].xml, ECMA-376 Part 2 §10.1.2):
// - the document properties (core, extended, custom: docProps/*.xml), which
//   SheetJS parses into wb.Props with a regular expression per property;
// - in the styles part, the fonts, fills and borders, which SheetJS uses
//   only under cellStyles (read.ts sets it false); the number formats and
//   cell formats (numFmts, cellXfs) that give each cell its format stay;
// - in the candidate sheets, the hyperlinks, for which SheetJS makes a stub
//   cell per cell of their ranges (hyperlinks.ts).
// Every check of the package has already run on the parts as they came.
import { strFromU8, strToU8, type Unzipped } from 'fflate';
import { entryMap, entryOf } from './entry-map.ts';
import { withoutHyperlinks } from './hyperlinks.ts';

const OVERRIDE = /<(?:[\w.-]+:)?Override\b[^>]*>/g;
const attribute = (tag: string, name: string) =>
  new RegExp(`\\b${name}\\s*=\\s*(["'])([^"']*)\\1`).exec(tag)?.[2];

const PROPERTIES = new Set([
  'application/vnd.openxmlformats-package.core-properties+xml',
  'application/vnd.openxmlformats-officedocument.extended-properties+xml',
  'application/vnd.openxmlformats-officedocument.custom-properties+xml',
]);
const STYLES = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';
/** The styles part's elements SheetJS parses only for cell styles: their opening and closing tags. */
const UNREAD_STYLES = ['fonts', 'fills', 'borders'].map((tag) => ({
  open: new RegExp(`<(?:\\w+:)?${tag}\\b[^<>]*>`),
  close: new RegExp(`</(?:\\w+:)?${tag}>`, 'g'),
}));

/** The entry `partName` (from a content type's PartName) names, as SheetJS matches it: case aside. */
export function entryNamed(files: Unzipped, partName: string): string | undefined {
  const wanted = partName.replace(/^\//, '').toLowerCase();
  return Object.keys(files).find((name) => name.toLowerCase() === wanted);
}

/** Each <Override> of a [Content_Types].xml, in order: its ContentType and PartName as written. */
export function contentTypeOverrides(xml: string): { type?: string; part?: string }[] {
  return [...xml.matchAll(OVERRIDE)].map(([tag]) => ({
    type: attribute(tag, 'ContentType'),
    part: attribute(tag, 'PartName'),
  }));
}

/**
 * `xml` without the elements `tags`, each cut where SheetJS's
 * str_match_xml_ns would find it (the first opening tag, the first closing
 * tag after it); `xml` itself when it holds a comment or DOCTYPE, which
 * SheetJS removes first.
 */
function withoutElements(xml: string, tags: readonly { open: RegExp; close: RegExp }[]): string {
  if (xml.includes('<!')) return xml;
  let out = xml;
  for (const { open: opening, close } of tags) {
    const open = opening.exec(out);
    if (!open) continue;
    close.lastIndex = open.index + open[0].length;
    const end = close.exec(out);
    if (end) out = out.slice(0, open.index) + out.slice(end.index + end[0].length);
  }
  return out;
}

/**
 * A styles part as the reader reads it, SheetJS or the plain path
 * (plain-book.ts): without its fonts, fills and borders, so that a number
 * or cell format nested inside one of them is gone for both.
 */
export const stylesAsRead = (xml: string) => withoutElements(xml, UNREAD_STYLES);

/**
 * `files` as SheetJS should see them: the document properties left out,
 * the styles part without its fonts, fills and borders, and the candidate
 * sheets `keep` without their hyperlinks (and otherwise left alone, whatever
 * content type names them). `files` itself is not changed.
 */
export function partsForSheetJs(files: Unzipped, keep: readonly string[]): Unzipped {
  const types = entryOf(files, '[Content_Types].xml');
  if (!types) return files;
  const out = entryMap(files);
  for (const part of keep) {
    const data = entryOf(files, part);
    const xml = data && strFromU8(data);
    const kept = xml && withoutHyperlinks(xml);
    if (kept !== xml && kept !== undefined) out[part] = strToU8(kept);
  }
  for (const { type, part } of contentTypeOverrides(strFromU8(types))) {
    const name = part === undefined ? undefined : entryNamed(files, part);
    if (name === undefined || keep.includes(name)) continue;
    if (type && PROPERTIES.has(type)) delete out[name];
    else if (type === STYLES) {
      const data = out[name] as Uint8Array;
      const xml = strFromU8(data);
      const kept = stylesAsRead(xml);
      if (kept !== xml) out[name] = strToU8(kept);
    }
  }
  return out;
}
