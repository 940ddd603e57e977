// The one way the plain path (plain-book.ts, plain-cells.ts) reads a tag's
// attributes: only as Excel and our writer write them, so that its reading
// and SheetJS's cannot differ. SheetJS (parsexmltag) reads attributes its
// own way: spaces around "=", single quotes or none, a namespace prefix
// dropped (x:numFmtId is numFmtId), a name also stored lower-cased (DATE1904
// is date1904), a name cut at "_" (numFmtId_x is numFmtId), no attribute at
// all after a tab; while a search for ` numFmtId="…"` also finds one written
// inside another attribute's value (fontId="5 numFmtId='14'"). A tag the
// plain path reads is therefore canonical or not read at all (the file then
// goes to SheetJS): `<name`, then each attribute as ` name="value"` (one
// space, no spaces around "=", double quotes, no `"` or `<` in the value),
// then an optional space and "/", then ">", read left to right so no
// attribute hides in a value; no attribute twice; and none whose local name
// matches, case aside, one the plain path reads without being written
// exactly so.

const CANONICAL = /^<[\w.:-]+((?: [\w.:-]+="[^"<]*")*) ?\/?>$/;
const ATTRIBUTE = / ([\w.:-]+)="([^"<]*)"/g;

/** An attribute's name as SheetJS's parsexmltag may key it: prefix dropped (or, unprefixed, cut at "_"), lower case. */
function looseName(name: string): string {
  const colon = name.indexOf(':');
  const under = name.indexOf('_');
  const local = colon >= 0 ? name.slice(colon + 1) : under > 0 ? name.slice(0, under) : name;
  return local.toLowerCase();
}

/**
 * The attributes of `tag` (a whole start or empty-element tag, `<…>`) by
 * name, when it is canonical (see the top of this file) and every attribute
 * whose loose name is one of `reads`' is written exactly as in `reads`;
 * null otherwise.
 */
export function canonicalAttributes(
  tag: string,
  reads: readonly string[],
): Map<string, string> | null {
  const m = CANONICAL.exec(tag);
  if (!m) return null;
  const loose = new Set(reads.map(looseName));
  const out = new Map<string, string>();
  for (const [, name = '', value = ''] of (m[1] ?? '').matchAll(ATTRIBUTE)) {
    if (out.has(name)) return null;
    if (loose.has(looseName(name)) && !reads.includes(name)) return null;
    out.set(name, value);
  }
  return out;
}

/**
 * Every <name …> tag of `xml` (unprefixed, start or empty-element) with its
 * attributes (canonicalAttributes with `reads`), in order; null when one
 * with a namespace prefix is there too, or one is not canonical.
 */
export function canonicalTags(
  xml: string,
  name: string,
  reads: readonly string[],
): { tag: string; attributes: Map<string, string> }[] | null {
  if (new RegExp(`<[\\w.-]+:${name}[\\s/>]`).test(xml)) return null;
  const out: { tag: string; attributes: Map<string, string> }[] = [];
  for (const [tag] of xml.matchAll(new RegExp(`<${name}(?:\\s[^<>]*)?/?>`, 'g'))) {
    const attributes = canonicalAttributes(tag, reads);
    if (!attributes) return null;
    out.push({ tag, attributes });
  }
  return out;
}

/**
 * The <Override>s of a [Content_Types].xml as the plain path reads them
 * (ContentType, PartName), in order; null when one is not canonical.
 */
export function plainOverrides(types: string): { type?: string; part?: string }[] | null {
  return (
    canonicalTags(types, 'Override', ['PartName', 'ContentType'])?.map(({ attributes }) => ({
      type: attributes.get('ContentType'),
      part: attributes.get('PartName'),
    })) ?? null
  );
}
