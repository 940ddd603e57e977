// One zip entry's bytes, inflated by fflate no further than its declared
// size. fflate's inflateSync given an output buffer of the declared size
// keeps decoding past its end: a 1.56 MB stream declared as 100 bytes and
// expanding to 1.5 GiB took 3 s per entry in Node. Its streaming Inflate,
// fed a few KiB at a time, is stopped as soon as the output outgrows the
// declared size, so no stream decodes more than its declared size and one
// chunk's worth (deflate's ceiling is ~1032:1: 4 MiB for 4 KiB).
import { Inflate } from 'fflate';
import type { Bilingual } from '../text/bilingual.ts';
import { clip } from '../text/clip.ts';
import type { ZipEntry } from './zip-entries.ts';

/** Compressed bytes handed to the inflater at a time. */
const CHUNK = 4096;

/**
 * `data` (a raw DEFLATE stream, RFC 1951) inflated to at most `size` bytes:
 * the bytes (fewer when the stream ends early, as fflate's inflateSync
 * gives them), or null once the stream yields more than `size`. Throws
 * fflate's error on a broken stream.
 */
export function inflateAtMost(data: Uint8Array, size: number): Uint8Array<ArrayBuffer> | null {
  const out = new Uint8Array(size);
  let at = 0;
  let over = false;
  const inflater = new Inflate((chunk) => {
    if (over) return;
    if (at + chunk.length > size) over = true;
    else {
      out.set(chunk, at);
      at += chunk.length;
    }
  });
  for (let i = 0; !over && (i < data.length || i === 0); i += CHUNK) {
    inflater.push(data.subarray(i, i + CHUNK), i + CHUNK >= data.length);
  }
  if (over) return null;
  return at === size ? out : out.subarray(0, at);
}

/**
 * The entry `e` of the zip `bytes` (its ranges already checked:
 * zip-ranges.ts): stored bytes copied, deflated ones inflated within the
 * declared size; or why it cannot be read, in both languages (another
 * compression method; a stream that outgrows its declared size). Throws
 * fflate's error on a broken deflate stream.
 */
export function entryData(bytes: Uint8Array, e: ZipEntry): Uint8Array<ArrayBuffer> | Bilingual {
  const data = bytes.subarray(e.dataStart, e.dataStart + e.compressedSize);
  const name = `“${clip(e.name, 80)}”`;
  if (e.method === 0) return data.slice();
  if (e.method !== 8) {
    return {
      vi: `mục ${name} của tệp nén dùng cách nén ${e.method}, không đọc được`,
      en: `zip entry ${name} uses compression method ${e.method}, which cannot be read`,
    };
  }
  return (
    inflateAtMost(data, e.size) ?? {
      vi: `mục ${name} của tệp nén giải nén ra nhiều hơn cỡ khai báo ${e.size} byte`,
      en: `zip entry ${name} inflates to more than its declared ${e.size} bytes`,
    }
  );
}
