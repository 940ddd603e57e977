// A fillable cell, as the person saw it (shared/cell/readCell), read for its
// column: the status from the list, a percentage, or text.
import { type CellReading, foldLookAlikes, type LookAlike, printable } from '../cell/index.ts';
import { STATUSES, type StatusCode } from '../layout/columns.ts';
import { foldLoose, toNfc } from '../text/normalize.ts';

export { isExcelError } from '../cell/index.ts';

/**
 * Whether a value Excel hands over is an empty cell: undefined, '' or
 * whitespace. `null`, a formula whose value was never computed, is not.
 */
export function isBlank(v: unknown): boolean {
  return v === undefined || (typeof v === 'string' && v.trim() === '');
}

/** A short printable form of any value, for messages. */
export const show = printable;

export type Read<T> = { ok: true; value: T } | { ok: false; found: string };

/** What a cell showed, for messages: its text, its displayed number or date, its error or formula. */
export function shownOf(c: CellReading): string {
  switch (c.kind) {
    case 'number':
    case 'date':
    case 'boolean':
      return c.shown;
    case 'text':
      return c.text;
    case 'other':
      return c.found;
    case 'error':
      return c.error;
    case 'picture':
      return c.source;
    case 'uncomputed':
      return c.formula;
    default:
      return '';
  }
}

/**
 * Text column: text NFC and trimmed; a number or a date as it was shown
 * (0.3, "1,234,567", "15/10/2026"), never its serial or float noise; blank
 * is ''. Booleans and anything else are refused. Lone surrogates are the
 * caller's to report (text/well-formed.ts): nothing typed is replaced here.
 */
export function readText(c: CellReading): Read<string> {
  switch (c.kind) {
    case 'blank':
      return { ok: true, value: '' };
    case 'text':
      return { ok: true, value: toNfc(c.text).trim() };
    case 'number':
    case 'date':
      return { ok: true, value: c.shown };
    default:
      return { ok: false, found: shownOf(c) };
  }
}

// Exact labels first (the dropdown's), then folded forms of typed ones.
const STATUS_BY_LABEL = new Map<string, StatusCode>(
  STATUSES.flatMap((s) => [
    [s.vi, s.code],
    [foldLoose(s.vi), s.code],
    [foldLoose(s.en), s.code],
  ]),
);

export interface StatusRead {
  code: StatusCode | null;
  /** Look-alike letters (Ð for Đ, Cyrillic о for o …) read as the letter they were taken for. */
  lookAlikes: readonly LookAlike[];
}

// One reading per status, shared by every cell that matches it outright.
const NONE: readonly LookAlike[] = Object.freeze([]);
/** Longer than any status with spaces and stray characters to spare ("Chưa triển khai" is 15). */
const MAX_STATUS_LENGTH = 100;
const BLANK_STATUS: Read<StatusRead> = { ok: true, value: { code: null, lookAlikes: NONE } };
const EXACT_STATUS = new Map<StatusCode, Read<StatusRead>>(
  STATUSES.map((s) => [s.code, { ok: true, value: { code: s.code, lookAlikes: NONE } }]),
);

/**
 * Status from the list, matched without regard to case, spacing or Unicode
 * form, then with look-alike letters folded (cell/look-alike.ts), which the
 * result names so the message can say which letter was read as which.
 */
export function readStatus(c: CellReading): Read<StatusRead> {
  if (c.kind === 'blank') return BLANK_STATUS;
  if (c.kind !== 'text') return { ok: false, found: shownOf(c) };
  // Far longer than any status: refused as it stands, its start kept for the
  // message, so that a huge text costs no folding (issue 16's second test round).
  if (c.text.length > MAX_STATUS_LENGTH) return { ok: false, found: c.text.slice(0, 200) };
  const exact = STATUS_BY_LABEL.get(c.text) ?? STATUS_BY_LABEL.get(foldLoose(c.text));
  if (exact) return EXACT_STATUS.get(exact) as Read<StatusRead>;
  const folded = foldLookAlikes(c.text);
  const code = folded.swaps.length ? STATUS_BY_LABEL.get(foldLoose(folded.text)) : undefined;
  return code
    ? { ok: true, value: { code, lookAlikes: folded.swaps } }
    : { ok: false, found: c.text };
}

export interface PercentRead {
  value: number | null;
  /** True when a plain number between 0 and 1 was taken as a percentage as-is. */
  fraction: boolean;
}

/**
 * Percent, decided as follows (docs/shared-core.md, "Reading percentages"):
 * - a number under a format with Excel's percent sign (45% is stored as
 *   0.45; cell/number-format.ts percentScale) is multiplied by 100; a `%`
 *   quoted or escaped in the format is only a character: 45 shown "45%" is 45;
 * - any other number is the percentage itself: 45 → 45; a value strictly
 *   between 0 and 1 is kept (0.45 → 0.45 %) but flagged, in case a fraction
 *   was meant;
 * - text "45", "45%", "45 %", "45,5" (Vietnamese decimal comma) → 45, 45.5;
 * - blank → null. Anything else, or outside 0–100, is refused.
 */
export function readPercent(c: CellReading): Read<PercentRead> {
  if (c.kind === 'blank') return { ok: true, value: { value: null, fraction: false } };
  let n: number;
  let scaled = false;
  if (c.kind === 'number') {
    scaled = c.scale === 100;
    n = c.value * c.scale;
  } else if (c.kind === 'text') {
    const m = /^([0-9]+(?:[.,][0-9]+)?)\s*%?$/.exec(c.text.normalize('NFC').trim());
    if (!m?.[1]) return { ok: false, found: c.text };
    n = Number(m[1].replace(',', '.'));
  } else {
    return { ok: false, found: shownOf(c) };
  }
  const found = c.kind === 'number' ? c.shown : c.text;
  if (!Number.isFinite(n) || n < 0 || n > 100) return { ok: false, found };
  // Clear binary noise from ×100 (0.07 * 100 = 7.000000000000001).
  n = Math.round(n * 1e6) / 1e6;
  const fraction = !scaled && c.kind === 'number' && n > 0 && n < 1;
  return { ok: true, value: { value: n, fraction } };
}
