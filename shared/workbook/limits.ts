// How much of an uploaded .xlsx the reader is willing to open. The Worker has
// 128 MB of memory and SheetJS holds the whole parsed workbook, so the caps
// are checked on the zip directory before anything is inflated.

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
  /** The progress sheet is read into a dense grid of at most this many rows and columns. */
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
  maxRows: 20_000,
  maxColumns: 200,
};
