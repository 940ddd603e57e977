// Where each entry of a zip lies, read from its central directory as
// fflate's unzipSync reads it (APPNOTE 6.3.10 §4.3.12, §4.3.16: the end of
// central directory record, ZIP64's end record and extra field, each
// central file header, each local header's name and extra lengths). The one
// directory reader of both inflaters: the reader's (unzip.ts) and the
// Worker's native DecompressionStream (worker/src/lib/inflate-entries.ts),
// so both see the same entries and the same checks (zip-ranges.ts) before
// anything is copied or inflated.
import { strFromU8 } from 'fflate';
import type { Bilingual } from '../text/bilingual.ts';

/** One entry: its name as fflate gives it, method (0 stored, 8 deflated), sizes and offsets in the file. */
export interface ZipEntry {
  name: string;
  method: number;
  /** Bytes of its data in the file, as the central directory declares. */
  compressedSize: number;
  /** Bytes once inflated, as the central directory declares. */
  size: number;
  /** Offset of its local file header. */
  localStart: number;
  /** Offset of its data (past the local header, name and extra field). */
  dataStart: number;
}

const u16 = (d: Uint8Array, i: number) => (d[i] ?? 0) | ((d[i + 1] ?? 0) << 8);
const u32 = (d: Uint8Array, i: number) => (u16(d, i) | (u16(d, i + 2) << 16)) >>> 0;
const u64 = (d: Uint8Array, i: number) => u32(d, i) + u32(d, i + 4) * 2 ** 32;

const MAX32 = 0xffffffff;

/** ZIP64 extended information (APPNOTE §4.5.3): the sizes and offset the header gives as 0xFFFFFFFF. */
function zip64Values(
  d: Uint8Array,
  from: number,
  length: number,
  fields: [compressed: number, size: number, offset: number],
): [number, number, number] {
  const [sc, su, off] = fields;
  const nsc = sc === MAX32 ? 1 : 0;
  const nsu = su === MAX32 ? 1 : 0;
  const noff = off === MAX32 ? 1 : 0;
  for (let b = from; b + 4 < from + length; b += 4 + u16(d, b + 2)) {
    if (u16(d, b) !== 1) continue;
    return [
      nsc ? u64(d, b + 4 + 8 * nsu) : sc,
      nsu ? u64(d, b + 4) : su,
      noff ? u64(d, b + 4 + 8 * (nsu + nsc)) : off,
    ];
  }
  return fields;
}

const damaged = (en: string, vi: string): { ok: false; problem: Bilingual } => ({
  ok: false,
  problem: { vi, en },
});

/**
 * The entries of the zip `bytes`, in directory order, or why its directory
 * cannot be read (no end record, a header that is not one or lies past the
 * end of the file), in both languages. Never throws. The entries are not
 * yet checked against each other (zip-ranges.ts).
 */
export function readZipDirectory(
  bytes: Uint8Array,
): { ok: true; entries: ZipEntry[] } | { ok: false; problem: Bilingual } {
  // As fflate looks for it: the last signature within a comment's reach of the end.
  let end = bytes.length - 22;
  const lowest = Math.max(0, bytes.length - 65559);
  while (end >= lowest && u32(bytes, end) !== 0x06054b50) end--;
  if (end < lowest) {
    return damaged(
      'no zip directory (end of central directory record)',
      'không có thư mục tệp nén (bản ghi cuối thư mục trung tâm)',
    );
  }
  let count = u16(bytes, end + 8);
  let at = u32(bytes, end + 16);
  let zip64 = end >= 20 && u32(bytes, end - 20) === 0x07064b50;
  if (zip64) {
    const record = u32(bytes, end - 12);
    zip64 = u32(bytes, record) === 0x06064b50;
    if (zip64) {
      count = u32(bytes, record + 32);
      at = u32(bytes, record + 48);
    }
  }
  const out: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== 0x02014b50) {
      return damaged(
        `zip directory entry ${i + 1} is missing or lies past the end of the file`,
        `mục thứ ${i + 1} của thư mục tệp nén bị thiếu hoặc nằm ngoài tệp`,
      );
    }
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const extraStart = at + 46 + nameLength;
    const fields: [number, number, number] = [
      u32(bytes, at + 20),
      u32(bytes, at + 24),
      u32(bytes, at + 42),
    ];
    const [compressedSize, size, localStart] = zip64
      ? zip64Values(bytes, extraStart, extraLength, fields)
      : fields;
    // As fflate names it: UTF-8 when flag bit 11 is set, else Latin-1.
    const name = strFromU8(bytes.subarray(at + 46, extraStart), !(u16(bytes, at + 8) & 2048));
    if (localStart + 30 > bytes.length || u32(bytes, localStart) !== 0x04034b50) {
      return damaged(
        `the local header of entry “${name}” is missing or lies past the end of the file`,
        `phần đầu cục bộ của mục “${name}” bị thiếu hoặc nằm ngoài tệp`,
      );
    }
    out.push({
      name,
      method: u16(bytes, at + 10),
      compressedSize,
      size,
      localStart,
      dataStart: localStart + 30 + u16(bytes, localStart + 26) + u16(bytes, localStart + 28),
    });
    at = extraStart + extraLength + u16(bytes, at + 32);
  }
  return { ok: true, entries: out };
}
