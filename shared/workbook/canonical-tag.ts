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
 * Whether an attribute `name` may be read alongside `reads`: one of them
 * exactly, or none of their loose names. Each name is looked at once per
 * `reads` (`seen`), as a part repeats the same few names on every tag.
 */
function attributeRule(reads: readonly string[]): (name: string) => boolean {
  const loose = new Set(reads.map(looseName));
  const seen = new Map<string, boolean>();
  return (name) => {
    let ok = seen.get(name);
    if (ok === undefined) {
      ok = reads.includes(name) || !loose.has(looseName(name));
      seen.set(name, ok);
    }
    return ok;
  };
}

/**
 * The attributes of `tag` (a whole start or empty-element tag, `<…>`) by
 * name, when it is canonical (see the top of this file) and every attribute
 * whose loose name is one of `reads`' is written exactly as in `reads`;
 * null otherwise. `allowed`: that rule for `reads`, when the caller has it.
 */
export function canonicalAttributes(
  tag: string,
  reads: readonly string[],
  allowed: (name: string) => boolean = attributeRule(reads),
): Map<string, string> | null {
  const m = CANONICAL.exec(tag);
  if (!m) return null;
  const out = new Map<string, string>();
  const attributes = m[1] ?? '';
  ATTRIBUTE.lastIndex = 0;
  for (let a = ATTRIBUTE.exec(attributes); a; a = ATTRIBUTE.exec(attributes)) {
    const name = a[1] as string;
    if (out.has(name) || !allowed(name)) return null;
    out.set(name, a[2] as string);
  }
  return out;
}

/** For each tag name: a pattern for it with a prefix, and one (global) for it without. */
const patterns = new Map<string, { prefixed: RegExp; tags: RegExp }>();
function tagPatterns(name: string): { prefixed: RegExp; tags: RegExp } {
  let p = patterns.get(name);
  if (!p) {
    p = {
      prefixed: new RegExp(`<[\\w.-]+:${name}[\\s/>]`),
      tags: new RegExp(`<${name}(?:\\s[^<>]*)?/?>`, 'g'),
    };
    patterns.set(name, p);
  }
  return p;
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
  const { prefixed, tags } = tagPatterns(name);
  if (prefixed.test(xml)) return null;
  const out: { tag: string; attributes: Map<string, string> }[] = [];
  const allowed = attributeRule(reads);
  for (const [tag] of xml.matchAll(tags)) {
    const attributes = canonicalAttributes(tag, reads, allowed);
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
