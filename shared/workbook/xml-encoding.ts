// The XML parts' text as SheetJS should see it. An XML processor must read
// UTF-16 as well as UTF-8 (XML 1.0 §4.3.3), and a UTF-16 entity begins with a
// byte order mark (ibid.; Appendix F). Excel and openpyxl read such parts;
// SheetJS reads only the little-endian order, and the checks in unzip.ts look
// at bytes as Latin-1. So UTF-16 parts are decoded here, before anything else
// reads them, and their XML declaration is made to say what they then are.
// Bytes that are not UTF-8 in a UTF-8 part are a fatal error (ibid.), which
// SheetJS would read as U+FFFD: such a part is damaged. And SheetJS decodes a
// character reference with String.fromCharCode, so one above U+FFFF
// (&#128512;, &#x1F600;, as openpyxl writes characters it escapes) would come
// out as another character: those are replaced by the character itself.
import { strFromU8, strToU8, type Unzipped } from 'fflate';
import { entryMap } from './entry-map.ts';

/** The byte order of a part that starts with a UTF-16 byte order mark, else null. */
export function utf16Order(data: Uint8Array): 'le' | 'be' | null {
  if (data[0] === 0xff && data[1] === 0xfe) return 'le';
  if (data[0] === 0xfe && data[1] === 0xff) return 'be';
  return null;
}

/** UTF-16 text after the byte order mark; an odd last byte (a cut part) is dropped. */
function decodeUtf16(data: Uint8Array, order: 'le' | 'be'): string {
  const units: number[] = [];
  for (let i = 2; i + 1 < data.length; i += 2) {
    const [a = 0, b = 0] = [data[i], data[i + 1]];
    units.push(order === 'le' ? a | (b << 8) : (a << 8) | b);
  }
  let text = '';
  for (let i = 0; i < units.length; i += 8192) {
    text += String.fromCharCode(...units.slice(i, i + 8192));
  }
  return text;
}

const DECLARED_ENCODING = /^(<\?xml[^>]*?\bencoding\s*=\s*)(["'])[^"']*\2/;

/** A decimal or hexadecimal character reference (XML 1.0 §4.1 [66] CharRef). */
const CHAR_REF = /&#(?:x([0-9A-Fa-f]+)|([0-9]+));/g;

/** `xml` with each character reference above U+FFFF replaced by the character itself. */
export function astralRefsDecoded(xml: string): string {
  if (!xml.includes('&#')) return xml;
  return xml.replace(CHAR_REF, (ref, hex?: string, dec?: string) => {
    const code = hex ? Number.parseInt(hex, 16) : Number(dec);
    return code > 0xffff && code <= 0x10ffff ? String.fromCodePoint(code) : ref;
  });
}

/** Whether the part's XML declaration names UTF-8 or no encoding (UTF-8 then, XML 1.0 §4.3.3). */
function declaresUtf8(data: Uint8Array): boolean {
  const head = String.fromCharCode(...data.subarray(0, 200));
  const declared = /^(?:\uFEFF|\xEF\xBB\xBF)?<\?xml[^>]*?\bencoding\s*=\s*["']([^"']*)["']/.exec(
    head,
  )?.[1];
  return declared === undefined || /^utf-?8$/i.test(declared);
}

/**
 * Whether `data` is well-formed UTF-8 (Unicode 15, §3.9, Table 3-7: no
 * overlong forms, surrogates or code points above U+10FFFF), checked on the
 * bytes so that a large part is not decoded into a string only to be checked.
 */
export function isUtf8(data: Uint8Array): boolean {
  const n = data.length;
  let i = 0;
  while (i < n) {
    const b = data[i] ?? 0;
    if (b < 0x80) {
      i++;
      continue;
    }
    let more: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) more = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      more = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      more = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return false;
    if (i + more >= n) return false;
    const second = data[i + 1] ?? 0;
    if (second < lo || second > hi) return false;
    for (let k = 2; k <= more; k++) {
      const c = data[i + k] ?? 0;
      if (c < 0x80 || c > 0xbf) return false;
    }
    i += more + 1;
  }
  return true;
}

/**
 * Whether fflate's strFromU8 decodes with the runtime's TextDecoder, which
 * writes U+FFFD for each byte that is not UTF-8 (fflate's own fallback
 * decoder does not).
 */
const DECODER_REPLACES = (() => {
  try {
    return strFromU8(new Uint8Array([0xc3, 0x28])) === '\uFFFD(';
  } catch {
    return false;
  }
})();

/**
 * `data` decoded as UTF-8, or null when its bytes are not UTF-8. Text
 * without U+FFFD from a replacing decoder is UTF-8; only text with one
 * (perhaps written as such) is checked byte by byte (isUtf8), a loop that is
 * slow in a fresh isolate.
 */
function decodeUtf8(data: Uint8Array): string | null {
  if (!DECODER_REPLACES) return isUtf8(data) ? strFromU8(data) : null;
  const text = strFromU8(data);
  return text.includes('\uFFFD') && !isUtf8(data) ? null : text;
}

/**
 * `files` with every XML part (.xml, .rels) as UTF-8 that SheetJS
 * reads right: one starting with a UTF-16 byte order mark re-encoded (its
 * declaration then saying encoding="UTF-8"), character references above
 * U+FFFF replaced (astralRefsDecoded); other entries are the same objects.
 * A cut part stays cut, for unzip.ts to find. Or the first XML part in
 * UTF-8 (so declared, or by default) whose bytes are not UTF-8 (a fatal
 * error, XML 1.0 §4.3.3): a damaged package. A part declaring another
 * encoding is left as it is.
 */
export function utf8Parts(
  files: Unzipped,
): { ok: true; files: Unzipped } | { ok: false; notUtf8: string } {
  const out = entryMap();
  for (const [name, data] of Object.entries(files)) {
    out[name] = data;
    if (!/\.(?:xml|rels)$/i.test(name)) continue;
    const order = utf16Order(data);
    if (!order && !declaresUtf8(data)) continue;
    const xml = order
      ? decodeUtf16(data, order).replace(DECLARED_ENCODING, '$1$2UTF-8$2')
      : decodeUtf8(data);
    if (xml === null) return { ok: false, notUtf8: name };
    // Changed only when it must: UTF-16, or character references.
    if (!order && !xml.includes('&#')) continue;
    const decoded = astralRefsDecoded(xml);
    if (order || decoded !== xml) out[name] = strToU8(decoded);
  }
  return { ok: true, files: out };
}
