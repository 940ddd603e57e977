// Built once per change: the merged workbook and the report (.docx) of a
// period are served from D1 (db/built-files.ts) while nothing they are made
// from has changed, and rebuilt on the first request after a change. The key
// is derived from the data at request time, never cleared by a write route.
import { vnToday } from '../../../shared/periods/index.ts';
import { type BuiltFileKind, lookUpBuiltFile, storeBuiltFile } from '../db/built-files.ts';
import type { PeriodRow } from '../db/periods.ts';

/**
 * Largest stored row: D1 refuses a string or row over 2,000,000 bytes. A
 * larger file (base64 plus inputs) is served but not stored.
 */
const MAX_STORED_CHARS = 1_900_000;

/**
 * Whether a request asks for a file built now: `Cache-Control: no-cache`
 * (RFC 9111 §5.2.1.4: no stored answer without checking with the origin;
 * browsers send it on a forced reload).
 */
export function wantsFresh(cacheControl: string | undefined): boolean {
  return /(?:^|,)\s*no-cache\s*(?:,|$)/i.test(cacheControl ?? '');
}

/** A file and whether it came from D1 (`hit`) or was built for this request (`miss`). */
export interface BuiltFile {
  bytes: Uint8Array;
  cache: 'hit' | 'miss';
}

/**
 * The `kind` file of period `code` at instant `now` (ISO): the stored one
 * when it was built from the same inputs, by the same deployed `version` of
 * the Worker (the version metadata binding's id: new code never serves a
 * file the previous code built, with no version number to remember to
 * raise) and on the same day in Vietnam (both documents print that date,
 * and completeness judges "overdue" by it);
 * otherwise `build(period)` with the period row read in the same statement
 * as the inputs, stored for the next request. The inputs are read before
 * the builder reads anything, so a file is never stored under inputs newer
 * than the data it was built from: a write landing in between only makes
 * the next request build again. Not covered: a write and its exact reversal
 * (a rename and the rename back) both landing while a build runs would
 * leave the file built from the in-between data under the restored inputs;
 * closing that needs the builder fed from the rows the key was read from.
 * `fresh`: build (and store) even when a
 * current file is stored (the request said `Cache-Control: no-cache`).
 * Null when there is no such period.
 */
export async function builtOnce(
  db: D1Database,
  file: { period: string; kind: BuiltFileKind; version: string; now: string; fresh?: boolean },
  build: (period: PeriodRow) => Promise<Uint8Array> | Uint8Array,
): Promise<BuiltFile | null> {
  const { period: code, kind, now } = file;
  const prefix = `${JSON.stringify(file.version)} ${vnToday(new Date(now))} `;
  const found = await lookUpBuiltFile(db, code, kind, prefix, file.fresh);
  if (!found) return null;
  if (found.base64 !== null) return { bytes: Uint8Array.fromBase64(found.base64), cache: 'hit' };
  const bytes = await build(found.period);
  const base64 = bytes.toBase64();
  if (base64.length + found.inputs.length <= MAX_STORED_CHARS) {
    await storeBuiltFile(db, { period: code, kind, inputs: found.inputs, base64, builtAt: now });
  }
  return { bytes, cache: 'miss' };
}
