// Whether the package holds every part it names. An Open Packaging
// Conventions package (ECMA-376 Part 2) names its parts twice: in
// [Content_Types].xml (<Override PartName="/xl/…"/>) and in the relationship
// parts (_rels/*.rels: <Relationship Target="…"/>, relative to the source
// part's folder unless TargetMode="External"). SheetJS skips a named part the
// zip lacks and reads on, so a workbook missing its shared strings would come
// back with its text cells gone; such a package is damaged.
import { strFromU8, type Unzipped } from 'fflate';
import type { Bilingual } from '../text/bilingual.ts';
import { entryOf } from './entry-map.ts';

// Element names with or without a namespace prefix: a package rewritten by
// Python's ElementTree writes <ns0:Override …/> and <ns0:Relationship …/>.
const OVERRIDE = /<(?:[\w.-]+:)?Override\b[^>]*?\bPartName\s*=\s*"([^"]*)"/g;
const RELATIONSHIP = /<(?:[\w.-]+:)?Relationship\b[^>]*>/g;
const ATTR = (name: string) => new RegExp(`\\b${name}\\s*=\\s*"([^"]*)"`);

/** Part names compare case-insensitively (ECMA-376 Part 2 §9.1.1.1); percent-escapes decoded. */
function normalise(name: string): string {
  let decoded = name;
  try {
    decoded = decodeURIComponent(name);
  } catch {
    // A malformed escape is kept as written; it then matches nothing, as in Excel.
  }
  return decoded.replace(/^\/+/, '').toLowerCase();
}

/** `target` resolved against `folder` ("xl/"), with "." and ".." segments applied. */
function resolve(folder: string, target: string): string {
  const path = target.split('#')[0] ?? '';
  const segments = (path.startsWith('/') ? path : folder + path).split('/');
  const out: string[] = [];
  for (const s of segments) {
    if (s === '' || s === '.') continue;
    if (s === '..') out.pop();
    else out.push(s);
  }
  return out.join('/');
}

/** The source part's folder of a relationship part: "xl/_rels/workbook.xml.rels" → "xl/". */
const sourceFolder = (relsName: string) => relsName.replace(/_rels\/[^/]*$/, '');

/**
 * What is missing, in both languages: the package relationships
 * (`_rels/.rels`, which every package has and from which a reader finds the
 * workbook: ECMA-376 Part 2 §9.3), or the first part that
 * [Content_Types].xml or a relationship names but the zip lacks (naming
 * both); null when nothing is. External targets (hyperlinks, linked files)
 * are not parts and are not looked for.
 */
export function missingPart(files: Unzipped): Bilingual | null {
  const present = new Set(Object.keys(files).map(normalise));
  if (!present.has('_rels/.rels')) {
    return { vi: 'thiếu phần “_rels/.rels”', en: 'part “_rels/.rels” is missing' };
  }
  const named: { part: string; by: string }[] = [];
  const types = entryOf(files, '[Content_Types].xml');
  if (types) {
    for (const m of strFromU8(types).matchAll(OVERRIDE)) {
      named.push({ part: m[1] ?? '', by: '[Content_Types].xml' });
    }
  }
  for (const [name, data] of Object.entries(files)) {
    if (!/(?:^|\/)_rels\/[^/]*\.rels$/i.test(name)) continue;
    for (const [tag] of strFromU8(data).matchAll(RELATIONSHIP)) {
      if (ATTR('TargetMode').exec(tag)?.[1] === 'External') continue;
      const target = ATTR('Target').exec(tag)?.[1];
      if (target) named.push({ part: resolve(sourceFolder(name), target), by: name });
    }
  }
  const missing = named.find(({ part }) => !present.has(normalise(part)));
  if (!missing) return null;
  const part = missing.part.replace(/^\/+/, '');
  return {
    vi: `thiếu phần “${part}” (có tên trong ${missing.by})`,
    en: `part “${part}” (named in ${missing.by}) is missing`,
  };
}

/** The five predefined XML entities and character references decoded (sheet names are attribute values). */
const unescapeXml = (s: string) =>
  s.replace(/&(?:#x([0-9a-f]+)|#(\d+)|(amp|lt|gt|quot|apos));/gi, (_, hex, dec, name) =>
    hex || dec
      ? String.fromCodePoint(Number.parseInt(hex ?? dec, hex ? 16 : 10))
      : (({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[
          String(name).toLowerCase()
        ] ?? ''),
  );

/**
 * Each sheet's part (lower case, as `normalise` gives it) → the sheet's name,
 * from the workbook part that _rels/.rels names (ECMA-376 Part 1 §18.2.19
 * <sheet name r:id>) and the workbook's relationships. Best effort, for
 * naming a sheet in a message: a part it cannot place is left out.
 */
export function sheetNamesByPart(files: Unzipped): Record<string, string> {
  const text = (part: string) => {
    const key = Object.keys(files).find((k) => normalise(k) === normalise(part));
    const data = key === undefined ? undefined : entryOf(files, key);
    return data ? strFromU8(data) : '';
  };
  const officeDocument = [...text('_rels/.rels').matchAll(RELATIONSHIP)]
    .map(([tag]) => tag)
    .find((tag) => /\/officeDocument"/.test(ATTR('Type').exec(tag)?.[0] ?? ''));
  const workbook = resolve('', ATTR('Target').exec(officeDocument ?? '')?.[1] ?? 'xl/workbook.xml');
  const folder = workbook.replace(/[^/]*$/, '');
  const targets = new Map<string, string>();
  for (const [tag] of text(`${folder}_rels/${workbook.slice(folder.length)}.rels`).matchAll(
    RELATIONSHIP,
  )) {
    const id = ATTR('Id').exec(tag)?.[1];
    const target = ATTR('Target').exec(tag)?.[1];
    if (id && target) targets.set(id, normalise(resolve(folder, target)));
  }
  // Keyed by part names from the file: no prototype (entry-map.ts says why).
  const out = Object.create(null) as Record<string, string>;
  for (const [tag] of text(workbook).matchAll(/<(?:[\w.-]+:)?sheet\b[^>]*>/g)) {
    const name = ATTR('name').exec(tag)?.[1];
    const part = targets.get(/\br:id\s*=\s*"([^"]*)"/.exec(tag)?.[1] ?? '');
    if (name !== undefined && part) out[part] = unescapeXml(name);
  }
  return out;
}
