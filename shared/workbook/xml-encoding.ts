// XML parts in UTF-16 → UTF-8. An XML processor must read UTF-16 as well as
// UTF-8 (XML 1.0 §4.3.3), and a UTF-16 entity begins with a byte order mark
// (ibid.; Appendix F). Excel and openpyxl read such parts; SheetJS reads only
// the little-endian order, and the checks in unzip.ts look at bytes as
// Latin-1. So UTF-16 parts are decoded here, before anything else reads them,
// and their XML declaration is made to say what they then are.
import { strToU8, type Unzipped } from 'fflate';

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

/**
 * `files` with every XML part that starts with a UTF-16 byte order mark
 * re-encoded as UTF-8 (its declaration then saying encoding="UTF-8"); other
 * entries are the same objects. A cut part stays cut, for unzip.ts to find.
 */
export function utf8Parts(files: Unzipped): Unzipped {
  const out: Unzipped = {};
  for (const [name, data] of Object.entries(files)) {
    const order = /\.(?:xml|rels)$/i.test(name) ? utf16Order(data) : null;
    out[name] = order
      ? strToU8(decodeUtf16(data, order).replace(DECLARED_ENCODING, '$1$2UTF-8$2'))
      : data;
  }
  return out;
}
