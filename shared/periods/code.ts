// Period codes: 2026-Q1 … 2026-Q4, 2026-H1, 2026-H2, 2026-M9, 2026-Y.

import type { Bilingual } from '../text/bilingual.ts';
import { clip } from '../text/clip.ts';
import {
  DEFAULT_FIRST_YEAR,
  DEFAULT_LAST_YEAR,
  PERIOD_KIND_CODES,
  type PeriodKind,
} from './kinds.ts';

/** The years that have periods; both ends inclusive. */
export interface YearRange {
  firstYear?: number;
  lastYear?: number;
}

export type PeriodCodeErrorCode =
  | 'PERIOD_NOT_STRING'
  | 'PERIOD_BAD_SHAPE'
  | 'PERIOD_UNKNOWN_KIND'
  | 'PERIOD_YEAR_OUT_OF_RANGE';

export interface PeriodCodeError {
  code: PeriodCodeErrorCode;
  message: Bilingual;
}

export type ParsedPeriodCode =
  | { ok: true; value: { year: number; kind: PeriodKind; code: string } }
  | { ok: false; error: PeriodCodeError };

export function formatPeriodCode(year: number, kind: PeriodKind): string {
  return `${year}-${kind}`;
}

// Examples use 2026 when it is in range, so messages match the plan's years.
function examples(first: number, last: number): string {
  const y = first <= 2026 && 2026 <= last ? 2026 : first;
  return `${y}-Q1, ${y}-H1, ${y}-M9, ${y}-Y`;
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  return typeof v;
}

// Hyphen, non-breaking hyphen, en and em dashes, minus: Word and Excel's
// autocorrect turn "-" into these, and they look the same to the clerk.
const DASHES = /[\u2010-\u2015\u2212]/g;

/**
 * Reads a period code. Surrounding whitespace (including non-breaking
 * spaces), lower case and typographic dashes are accepted and the canonical
 * code is returned ("  2026–q1 " → 2026-Q1): they are what copying from Word
 * or typing in Excel produces, and the meaning is not in doubt. Anything else
 * is an error with a stable code and a message in Vietnamese and English.
 */
export function parsePeriodCode(input: unknown, range: YearRange = {}): ParsedPeriodCode {
  const first = range.firstYear ?? DEFAULT_FIRST_YEAR;
  const last = range.lastYear ?? DEFAULT_LAST_YEAR;
  const ex = examples(first, last);
  const fail = (code: PeriodCodeErrorCode, vi: string, en: string): ParsedPeriodCode => ({
    ok: false,
    error: { code, message: { vi, en } },
  });

  if (typeof input !== 'string') {
    const got = typeName(input);
    return fail(
      'PERIOD_NOT_STRING',
      `Mã kỳ báo cáo phải là chuỗi ký tự, nhận được ${got}; dạng đúng: ${ex}`,
      `Report period code must be text, got ${got}; expected e.g. ${ex}`,
    );
  }
  const trimmed = input.trim();
  const shown = clip(trimmed, 40);
  const m = /^(\d{4})-([A-Z0-9]+)$/.exec(trimmed.replace(DASHES, '-').toUpperCase());
  if (!m?.[1] || !m[2]) {
    return fail(
      'PERIOD_BAD_SHAPE',
      `Mã kỳ báo cáo “${shown}” không hợp lệ; dạng đúng: ${ex}`,
      `Report period code “${shown}” is invalid; expected e.g. ${ex}`,
    );
  }
  const year = Number(m[1]);
  const kindText = m[2];
  const kind = PERIOD_KIND_CODES.find((k) => k === kindText);
  if (!kind) {
    const known = PERIOD_KIND_CODES.join(', ');
    return fail(
      'PERIOD_UNKNOWN_KIND',
      `Mã kỳ báo cáo “${shown}” không hợp lệ: không có loại kỳ “${kindText}” (các loại kỳ: ${known}); dạng đúng: ${ex}`,
      `Report period code “${shown}” is invalid: there is no period kind “${kindText}” (kinds: ${known}); expected e.g. ${ex}`,
    );
  }
  if (year < first || year > last) {
    return fail(
      'PERIOD_YEAR_OUT_OF_RANGE',
      `Mã kỳ báo cáo “${shown}” không hợp lệ: năm ${year} nằm ngoài các năm báo cáo (${first}–${last}); dạng đúng: ${ex}`,
      `Report period code “${shown}” is invalid: year ${year} is outside the reporting years (${first}–${last}); expected e.g. ${ex}`,
    );
  }
  return { ok: true, value: { year, kind, code: formatPeriodCode(year, kind) } };
}

/** What getPeriod throws; `message` is "Vietnamese / English", `code` the stable error code. */
export class InvalidPeriodCodeError extends Error {
  readonly code: PeriodCodeErrorCode;
  readonly messages: Bilingual;
  constructor(error: PeriodCodeError) {
    super(`${error.message.vi} / ${error.message.en}`);
    this.name = 'InvalidPeriodCodeError';
    this.code = error.code;
    this.messages = error.message;
  }
}
