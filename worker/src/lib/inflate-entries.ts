// An upload's zip entries inflated by the runtime's own zlib
// (DecompressionStream('deflate-raw'), native code) before the reader runs,
// in place of fflate's inflater in JavaScript: in a fresh isolate fflate's
// inflate is compiled and interpreted on the first upload, one of the
// largest parts of its CPU (docs/benchmarks.md). The reader (shared, and
// synchronous for the add-in and Node) takes what is given here and inflates
// the rest itself, checking the zip as before (shared/workbook/unzip.ts).
// Only within the reader's caps: nothing when the directory declares too
// many entries or too much data or entries out of proportion to the file
// (shared/workbook/zip-ranges.ts), no entry it would inflate alone (limits.ts
// inflateAloneBytes), and a stream that outgrows its declared size is
// stopped and left to the reader, as is one that fails or falls short.
import type { Unzipped } from 'fflate';
import { entryMap } from '../../../shared/workbook/entry-map.ts';
import type { WorkbookLimits } from '../../../shared/workbook/limits.ts';
import { readZipDirectory } from '../../../shared/workbook/zip-entries.ts';
import { entryRangeProblem } from '../../../shared/workbook/zip-ranges.ts';

/** `data` (a raw DEFLATE stream) inflated to exactly `size` bytes, or null. */
async function inflateRaw(data: Uint8Array, size: number): Promise<Uint8Array<ArrayBuffer> | null> {
  try {
    const reader = new Blob([data as Uint8Array<ArrayBuffer>])
      .stream()
      .pipeThrough(new DecompressionStream('deflate-raw'))
      .getReader();
    const out = new Uint8Array(size);
    let at = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (at + value.length > size) {
        await reader.cancel();
        return null;
      }
      out.set(value, at);
      at += value.length;
    }
    return at === size ? out : null;
  } catch {
    return null;
  }
}

/**
 * The entries of the zip `bytes` that the reader would inflate together,
 * by name, each of its declared size (stored ones copied); entries that
 * cannot be inflated so are left out. {} when the directory cannot be read,
 * its entries reach outside the file or into each other, or it breaks
 * `limits` (the reader then says why). Never throws.
 */
export async function inflateEntries(bytes: Uint8Array, limits: WorkbookLimits): Promise<Unzipped> {
  const directory = readZipDirectory(bytes);
  // Entries reaching outside the file or into each other: nothing copied (zip-ranges.ts).
  if (!directory.ok || entryRangeProblem(directory.entries, bytes.length)) return {};
  const entries = directory.entries;
  const total = entries.reduce((sum, e) => sum + e.size, 0);
  if (entries.length > limits.maxEntries || total > limits.maxUncompressedBytes) return {};
  const out = entryMap();
  await Promise.all(
    entries.map(async (e) => {
      if (e.size > limits.inflateAloneBytes) return;
      const data = bytes.subarray(e.dataStart, e.dataStart + e.compressedSize);
      let inflated: Uint8Array<ArrayBuffer> | null = null;
      if (e.method === 0) inflated = Uint8Array.from(data);
      else if (e.method === 8) inflated = await inflateRaw(data, e.size);
      if (inflated) out[e.name] = inflated;
    }),
  );
  return out;
}
