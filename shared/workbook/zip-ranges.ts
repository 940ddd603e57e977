// Whether a zip's entries, as its directory declares them (zip-entries.ts),
// are in proportion to the file itself, checked before anything is copied
// or inflated. Counts and declared sizes alone (unzip.ts) do not bound the
// work: 1,000 directory entries may all point at one 1.9 MB body, each
// claiming all of it, and every reader then copies or inflates that body
// 1,000 times (1.9 GB); a 1.5 MB deflate stream that inflates to 1.5 GiB
// may be declared 100 bytes long, and an inflater that does not stop at the
// declared size decodes all of it.
import type { Bilingual } from '../text/bilingual.ts';
import { clip } from '../text/clip.ts';
import type { ZipEntry } from './zip-entries.ts';

/**
 * The most bytes a DEFLATE stream needs for `size` bytes of output, with a
 * margin, in bytes. RFC 1951 §3.2.4: a stored (non-compressed) block holds
 * at most 65,535 bytes after a 5-byte header (3 header bits padded to a
 * byte, LEN, NLEN), so any data can be written within size + 5 per block;
 * a writer's compressed blocks stay under that. The margin (×1.125 + 1 KiB)
 * leaves room for a writer's empty and final blocks.
 */
export function maxDeflatedSize(size: number): number {
  const stored = size + 5 * Math.max(1, Math.ceil(size / 65_535));
  return Math.ceil(stored * 1.125) + 1024;
}

const named = (e: ZipEntry) => `“${clip(e.name, 80)}”`;

/**
 * The first way `entries` (directory order) are out of proportion to a
 * file of `fileSize` bytes, in both languages, or null: an entry's data
 * (local header, name, extra field and compressed bytes) reaching past the
 * end of the file or into another entry's; compressed sizes summing to more
 * than the file; a stored entry whose compressed size is not its size
 * (APPNOTE §4.4.5: method 0 is the data as it is); a deflated one larger
 * than deflate can need for its declared size (maxDeflatedSize).
 */
export function entryRangeProblem(
  entries: readonly ZipEntry[],
  fileSize: number,
): Bilingual | null {
  let compressed = 0;
  for (const e of entries) {
    compressed += e.compressedSize;
    if (e.dataStart + e.compressedSize > fileSize) {
      return {
        vi: `mục ${named(e)} của tệp nén nằm ngoài tệp`,
        en: `zip entry ${named(e)} reaches past the end of the file`,
      };
    }
    if (e.method === 0 && e.compressedSize !== e.size) {
      return {
        vi: `mục ${named(e)} không nén nhưng có cỡ nén ${e.compressedSize} khác cỡ ${e.size} byte`,
        en: `stored zip entry ${named(e)} is ${e.compressedSize} bytes but declares ${e.size}`,
      };
    }
    if (e.method === 8 && e.compressedSize > maxDeflatedSize(e.size)) {
      return {
        vi: `mục ${named(e)} có ${e.compressedSize} byte nén, nhiều hơn mức cần cho ${e.size} byte khai báo`,
        en: `zip entry ${named(e)} has ${e.compressedSize} compressed bytes, more than deflate needs for its declared ${e.size}`,
      };
    }
  }
  if (compressed > fileSize) {
    return {
      vi: `các mục của tệp nén khai báo ${compressed} byte nén, nhiều hơn cả tệp (${fileSize} byte)`,
      en: `the zip's entries declare ${compressed} compressed bytes, more than the whole file (${fileSize})`,
    };
  }
  const byStart = [...entries].sort((a, b) => a.localStart - b.localStart);
  for (let i = 1; i < byStart.length; i++) {
    const before = byStart[i - 1] as ZipEntry;
    const after = byStart[i] as ZipEntry;
    if (before.dataStart + before.compressedSize > after.localStart) {
      return {
        vi: `các mục ${named(before)} và ${named(after)} của tệp nén chồng lên nhau`,
        en: `zip entries ${named(before)} and ${named(after)} overlap`,
      };
    }
  }
  return null;
}
