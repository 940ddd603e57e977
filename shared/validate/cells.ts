// Reading one fillable cell the way Excel hands it over (range.values):
// strings, numbers, booleans, '' for empty; anything else is garbage.
import { STATUSES, type StatusCode } from '../layout/columns.ts';
import { foldLoose } from '../text/normalize.ts';
import { toWellFormed } from '../text/well-formed.ts';

const ERROR_VALUE =
  /^#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|PYTHON!|EXTERNAL!)$/i;

export function isExcelError(v: unknown): v is string {
  return typeof v === 'string' && ERROR_VALUE.test(v.trim());
}

export function isBlank(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
}

/** A short printable form of any value, for messages. */
export function show(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v === null || v === undefined) return '';
  try {
    return JSON.stringify(v)?.slice(0, 80) ?? typeof v;
  } catch {
    return typeof v;
  }
}

export type Read<T> = { ok: true; value: T } | { ok: false; found: string };

/**
 * Text cell: NFC, trimmed; numbers become their text; booleans and objects
 * are refused. A lone surrogate (half an emoji cut by LEFT()) becomes
 * U+FFFD, so the Submission stays one the Worker accepts (text/schema.ts).
 */
export function readText(v: unknown): Read<string> {
  if (v === undefined || v === null) return { ok: true, value: '' };
  if (typeof v === 'string') return { ok: true, value: toWellFormed(v).normalize('NFC').trim() };
  if (typeof v === 'number' && Number.isFinite(v)) return { ok: true, value: String(v) };
  return { ok: false, found: show(v) };
}

// Exact labels first (the dropdown's), then folded forms of typed ones.
const STATUS_BY_LABEL = new Map<string, StatusCode>(
  STATUSES.flatMap((s) => [
    [s.vi, s.code],
    [foldLoose(s.vi), s.code],
    [foldLoose(s.en), s.code],
  ]),
);

/** Status from the list, matched without regard to case, spacing or Unicode form. */
export function readStatus(v: unknown): Read<StatusCode | null> {
  if (isBlank(v)) return { ok: true, value: null };
  if (typeof v !== 'string') return { ok: false, found: show(v) };
  const code = STATUS_BY_LABEL.get(v) ?? STATUS_BY_LABEL.get(foldLoose(v));
  return code ? { ok: true, value: code } : { ok: false, found: v };
}

export interface PercentRead {
  value: number | null;
  /** True when a plain number between 0 and 1 was taken as a percentage as-is. */
  fraction: boolean;
}

/**
 * Percent, decided as follows (docs/shared-core.md, "Reading percentages"):
 * - a number in a cell whose number format contains "%" is Excel's fraction
 *   (45% is stored as 0.45): multiplied by 100;
 * - any other number is the percentage itself: 45 → 45; a value strictly
 *   between 0 and 1 is kept (0.45 → 0.45 %) but flagged, in case a fraction
 *   was meant;
 * - text "45", "45%", "45 %", "45,5" (Vietnamese decimal comma) → 45, 45.5;
 * - empty → null. Anything else, or outside 0–100, is refused.
 */
export function readPercent(v: unknown, numberFormat?: unknown): Read<PercentRead> {
  if (isBlank(v)) return { ok: true, value: { value: null, fraction: false } };
  let n: number;
  let fromFractionFormat = false;
  if (typeof v === 'number') {
    fromFractionFormat = typeof numberFormat === 'string' && numberFormat.includes('%');
    n = fromFractionFormat ? v * 100 : v;
  } else if (typeof v === 'string') {
    const m = /^([0-9]+(?:[.,][0-9]+)?)\s*%?$/.exec(v.normalize('NFC').trim());
    if (!m?.[1]) return { ok: false, found: v };
    n = Number(m[1].replace(',', '.'));
  } else {
    return { ok: false, found: show(v) };
  }
  if (!Number.isFinite(n) || n < 0 || n > 100) return { ok: false, found: show(v) };
  // Clear binary noise from ×100 (0.07 * 100 = 7.000000000000001).
  n = Math.round(n * 1e6) / 1e6;
  const fraction = !fromFractionFormat && typeof v === 'number' && n > 0 && n < 1;
  return { ok: true, value: { value: n, fraction } };
}
