// worker/src/lib/inflate-entries.ts in workerd: the upload's entries
// inflated by the runtime's DecompressionStream are the bytes fflate
// inflates, the reader reads the same workbook from them, and an entry that
// lies about its size, a stored entry, or a directory over the caps is
// handled as the brief of that file says (left to the reader, copied, none).
import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, readWorkbook } from '../../shared/workbook/index.ts';
import { readZipDirectory, type ZipEntry } from '../../shared/workbook/zip-entries.ts';
import { inflateEntries } from '../../worker/src/lib/inflate-entries.ts';
import {
  duplicatedSharedStrings,
  filledXlsx,
  overlappingZip,
  patchEntry,
  withEntries,
} from '../support/upload-files.ts';

describe('inflateEntries', () => {
  it("gives every entry of a filled template, each fflate's bytes, and the same workbook read", async () => {
    const bytes = filledXlsx('P-TP', '2026-Q1');
    const inflated = await inflateEntries(bytes, DEFAULT_LIMITS);
    const expected = unzipSync(bytes);
    expect(Object.keys(inflated).sort()).toEqual(Object.keys(expected).sort());
    for (const [name, data] of Object.entries(expected)) expect(inflated[name]).toEqual(data);
    expect(readWorkbook(bytes, {}, inflated)).toEqual(readWorkbook(bytes));
  });

  it('entries named after Object.prototype members: the same workbook read as without the native inflate', async () => {
    const bytes = withEntries(filledXlsx('P-TP', '2026-Q1'), [
      ['constructor', new TextEncoder().encode('A')],
      ['toString', new Uint8Array(0)],
      ['hasOwnProperty', new TextEncoder().encode('A')],
      ['xl/__proto__', new TextEncoder().encode('A')],
    ]);
    const inflated = await inflateEntries(bytes, DEFAULT_LIMITS);
    expect(Object.keys(inflated)).toContain('constructor');
    const read = readWorkbook(bytes, {}, inflated);
    expect(read.ok).toBe(true);
    expect(read).toEqual(readWorkbook(bytes));
    const bzip2 = patchEntry(
      withEntries(filledXlsx('P-TP', '2026-Q1'), [['toString', new Uint8Array(0)]]),
      'toString',
      { method: 12 },
    );
    const r = readWorkbook(bzip2, {}, await inflateEntries(bzip2, DEFAULT_LIMITS));
    expect(!r.ok && r.problem.reason).toBe('corrupt');
  });

  it('one name twice is refused as fflate alone refuses it, whichever entry the native inflate kept', async () => {
    const bytes = duplicatedSharedStrings();
    const r = readWorkbook(bytes, {}, await inflateEntries(bytes, DEFAULT_LIMITS));
    expect(!r.ok && r.problem.reason).toBe('corrupt');
    expect(r).toEqual(readWorkbook(bytes));
  });

  it('copies nothing when entries overlap or reach outside the file', async () => {
    const body = new Uint8Array(20_000);
    const entries = (n: number, method: number, size: number) =>
      Array.from({ length: n }, (_, i) => ({
        name: `e${i}.xml`,
        method,
        compressedSize: body.length,
        size,
      }));
    for (const bytes of [
      overlappingZip(body, entries(200, 0, 1)),
      overlappingZip(body, entries(200, 8, 1)),
      overlappingZip(body, entries(2, 0, body.length), body.length),
    ]) {
      expect(await inflateEntries(bytes, DEFAULT_LIMITS)).toEqual({});
    }
    // The same body once: copied.
    const once = overlappingZip(body, entries(1, 0, body.length));
    expect(Object.keys(await inflateEntries(once, DEFAULT_LIMITS))).toEqual(['e0.xml']);
  });

  it('copies stored entries', async () => {
    const bytes = zipSync({ 'a.xml': new TextEncoder().encode('<a/>') }, { level: 0 });
    expect((readZipDirectory(bytes) as { entries: ZipEntry[] }).entries[0]?.method).toBe(0);
    expect(await inflateEntries(bytes, DEFAULT_LIMITS)).toEqual(unzipSync(bytes));
  });

  it('leaves out an entry whose stream outgrows its declared size', async () => {
    const text = new TextEncoder().encode('<a>'.padEnd(5000, 'x'));
    const bytes = zipSync({ 'a.xml': text, 'b.xml': text });
    // The central directory's uncompressed size of the first entry, made smaller.
    const [first] = (readZipDirectory(bytes) as { entries: ZipEntry[] }).entries;
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    const central = bytes.length - 22 - (46 + 5) * 2;
    expect(view.getUint32(central, true)).toBe(0x02014b50);
    view.setUint32(central + 24, (first?.size ?? 0) - 1, true);
    const inflated = await inflateEntries(bytes, DEFAULT_LIMITS);
    expect(Object.keys(inflated)).toEqual(['b.xml']);
  });

  it('inflates nothing when the directory declares more than the caps allow', async () => {
    const bytes = filledXlsx('P-TP', '2026-Q1');
    expect(await inflateEntries(bytes, { ...DEFAULT_LIMITS, maxUncompressedBytes: 1000 })).toEqual(
      {},
    );
    expect(await inflateEntries(bytes, { ...DEFAULT_LIMITS, maxEntries: 2 })).toEqual({});
    expect(await inflateEntries(new Uint8Array([1, 2, 3]), DEFAULT_LIMITS)).toEqual({});
  });
});
