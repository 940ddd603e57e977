// Where each entry of a zip lies, read from its central directory as
// fflate's unzipSync reads it (APPNOTE 6.3.10 §4.3.12, §4.3.16: the end of
// central directory record, each central file header, each local header's
// name and extra lengths), so that a caller with another inflater (the
// Worker's native DecompressionStream: worker/src/lib/inflate-entries.ts)
// can inflate the same bytes fflate would, and hand them to readWorkbook.
// Best effort: anything unusual (no end record, ZIP64, a header past the
// end) gives an empty list, and fflate then reads the file as before.
import { strFromU8 } from 'fflate';

/** One entry: its name as fflate gives it, method (0 stored, 8 deflated), sizes and data offset. */
export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  dataStart: number;
}

const u16 = (d: Uint8Array, i: number) => (d[i] ?? 0) | ((d[i + 1] ?? 0) << 8);
const u32 = (d: Uint8Array, i: number) => (u16(d, i) | (u16(d, i + 2) << 16)) >>> 0;

/**
 * The entries of the zip `bytes`, in directory order; [] when the directory
 * cannot be read plainly (see the top of this file). Never throws.
 */
export function zipEntries(bytes: Uint8Array): ZipEntry[] {
  let end = bytes.length - 22;
  const lowest = Math.max(0, bytes.length - 65558);
  while (end >= lowest && u32(bytes, end) !== 0x06054b50) end--;
  if (end < lowest) return [];
  // A ZIP64 locator just before the record: left to fflate.
  if (end >= 20 && u32(bytes, end - 20) === 0x07064b50) return [];
  const count = u16(bytes, end + 10);
  let at = u32(bytes, end + 16);
  const out: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== 0x02014b50) return [];
    const nameLength = u16(bytes, at + 28);
    const compressedSize = u32(bytes, at + 20);
    const size = u32(bytes, at + 24);
    const local = u32(bytes, at + 42);
    if (compressedSize === 0xffffffff || size === 0xffffffff || local === 0xffffffff) return [];
    if (local + 30 > bytes.length) return [];
    const dataStart = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
    if (dataStart + compressedSize > bytes.length) return [];
    out.push({
      // As fflate names it: UTF-8 when flag bit 11 is set, else Latin-1.
      name: strFromU8(bytes.subarray(at + 46, at + 46 + nameLength), !(u16(bytes, at + 8) & 2048)),
      method: u16(bytes, at + 10),
      compressedSize,
      size,
      dataStart,
    });
    at += 46 + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
  }
  return out;
}
