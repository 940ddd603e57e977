// How much of an uploaded .xlsx the reader is willing to open. The Worker has
// 128 MB of memory and SheetJS holds what it parses, so the caps on the zip
// are checked on its directory before anything is inflated, and those on
// cells and strings on the XML before SheetJS sees it.

export interface WorkbookLimits {
  /** Largest file accepted, in bytes. */
  maxBytes: number;
  /** Most zip entries (a template saved by Excel or LibreOffice has 10–20). */
  maxEntries: number;
  /** Largest total of the entries' declared uncompressed sizes, in bytes. */
  maxUncompressedBytes: number;
  /**
   * Highest compression ratio of one entry larger than `ratioFloorBytes`.
   * Deflate tops out near 1032:1; real sheet XML stays well under 100:1.
   */
  maxCompressionRatio: number;
  ratioFloorBytes: number;
  /**
   * Most cells (<c> elements) SheetJS parses, summed over the sheets that can
   * be the progress sheet (candidates.ts); the other sheets are never parsed.
   * Our template has ~250; SheetJS holds each as an object of ~100 bytes.
   */
  maxCells: number;
  /** Most items in the shared-strings part, which SheetJS parses whole. */
  maxSharedStrings: number;
  /**
   * Caps on the XML SheetJS parses, in bytes (candidates.ts), since SheetJS
   * holds many times a part's size while it reads it: a 29.6 MB
   * shared-strings part took 559 MB, a 3.9 MB one +88 MiB in Node. The
   * shared-strings part: a filled template's is ~160 KB with every text of
   * the largest agency's sheet at its 4,000/2,000-character limit.
   */
  maxSharedStringsBytes: number;
  /** Each sheet that can be the progress sheet (our template's: ~12 KB). */
  maxSheetBytes: number;
  /** Any other XML part SheetJS is given (workbook.xml, styles.xml, theme…; ours: ≤ 8 KB). */
  maxPartBytes: number;
  /** All the XML SheetJS is given, together. */
  maxParsedBytes: number;
  /**
   * Entries larger than this (uncompressed) are inflated one at a time, and a
   * sheet among them that cannot be the progress sheet is kept only as an
   * empty stub, so padding costs the memory of one entry, not of them all.
   */
  inflateAloneBytes: number;
  /**
   * The progress sheet is read into dense grids (values, formulas, number
   * formats) of at most this many rows and columns: 2,000 × 50 keeps the
   * three grids near 100,000 cells each whatever the file holds, far above
   * the largest agency's table (some 70 rows of 11 columns).
   */
  maxRows: number;
  maxColumns: number;
}

export const MiB = 1024 * 1024;

export const DEFAULT_LIMITS: WorkbookLimits = {
  maxBytes: 2 * MiB,
  maxEntries: 1000,
  maxUncompressedBytes: 32 * MiB,
  maxCompressionRatio: 200,
  ratioFloorBytes: 1 * MiB,
  maxCells: 100_000,
  maxSharedStrings: 100_000,
  maxSharedStringsBytes: 2 * MiB,
  maxSheetBytes: 2 * MiB,
  maxPartBytes: 1 * MiB,
  maxParsedBytes: 4 * MiB,
  inflateAloneBytes: 128 * 1024,
  maxRows: 2_000,
  maxColumns: 50,
};
