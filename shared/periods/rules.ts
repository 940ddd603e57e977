// The settings behind periods: year range, due-date rule, grace, schedule
// and per-period overrides. Due dates are set by whoever issues the reporting
// regime and Quảng Ngãi's decision was not found (DOMAIN.md), so every number
// here is a default the coordinator can change, not a fact.
import * as z from 'zod';
import { parsePeriodCode } from './code.ts';
import { type IsoDate, IsoDateSchema } from './dates.ts';
import {
  DEFAULT_FIRST_YEAR,
  DEFAULT_LAST_YEAR,
  DEFAULT_SCHEDULE,
  decreeCutoff,
  PERIOD_KIND_CODES,
  type PeriodKind,
} from './kinds.ts';

/**
 * How the default due date follows the cut-off end. Working days are Mon–Fri
 * (public holidays unknown, see isWorkingDay); calendar days fit regimes such
 * as "by the 18th of the period's last month" (cut-off 14th + 4).
 */
export type DueRule = { workingDaysAfterCutoff: number } | { calendarDaysAfterCutoff: number };

/** One period's settings where they differ from the rules (keyed by code, e.g. "2026-Q1"). */
export interface PeriodOverride {
  /** Cut-off window when this period follows another calendar than Decree 09. */
  cutoff?: { from: IsoDate; to: IsoDate };
  due?: IsoDate;
  graceDays?: number;
}

export interface PeriodRules {
  /** First and last year with periods, inclusive. */
  firstYear: number;
  lastYear: number;
  /** Default due date of every period. */
  due: DueRule;
  /** Default grace after the due date, in calendar days. */
  graceDays: number;
  /** Kinds that make up the reporting schedule (see DEFAULT_SCHEDULE). */
  schedule: readonly PeriodKind[];
  overrides: Readonly<Record<string, PeriodOverride>>;
}

/** What callers pass: any subset of the rules; the rest are DEFAULT_RULES. */
export type PeriodOptions = Partial<PeriodRules>;

// Khánh Hòa asks districts for reports two working days after the cut-off
// (DOMAIN.md); with nothing known for Quảng Ngãi, that is the default.
export const DEFAULT_RULES: PeriodRules = Object.freeze({
  firstYear: DEFAULT_FIRST_YEAR,
  lastYear: DEFAULT_LAST_YEAR,
  due: Object.freeze({ workingDaysAfterCutoff: 2 }),
  graceDays: 3,
  schedule: DEFAULT_SCHEDULE,
  overrides: Object.freeze({}),
});

const msg = (vi: string, en: string) => ({ error: `${vi} / ${en}` });

// A misspelt setting must not be dropped silently: name it, in both languages.
const strict = {
  error: (issue: { code: string; keys?: string[] }) => {
    if (issue.code !== 'unrecognized_keys') return undefined;
    const keys = (issue.keys ?? []).map((k) => `“${k}”`).join(', ');
    return `Không có cài đặt ${keys} / Unknown setting ${keys}`;
  },
};

const Year = z
  .number(msg('Năm phải là một số', 'Year must be a number'))
  .int(msg('Năm phải là số nguyên', 'Year must be a whole number'))
  // Codes have four-digit years.
  .min(1000, msg('Năm phải có bốn chữ số', 'Year must have four digits'))
  .max(9999, msg('Năm phải có bốn chữ số', 'Year must have four digits'));

const Days = z
  .number(msg('Số ngày phải là một số', 'Number of days must be a number'))
  .int(msg('Số ngày phải là số nguyên', 'Number of days must be a whole number'))
  .min(0, msg('Số ngày không được âm', 'Number of days must not be negative'))
  .max(366, msg('Số ngày quá lớn (tối đa 366)', 'Number of days is too large (at most 366)'));

const DueRuleSchema = z.union(
  [
    z.strictObject({ workingDaysAfterCutoff: Days }),
    z.strictObject({ calendarDaysAfterCutoff: Days }),
  ],
  msg(
    'Quy tắc hạn nộp phải là { workingDaysAfterCutoff: n } hoặc { calendarDaysAfterCutoff: n }',
    'Due rule must be { workingDaysAfterCutoff: n } or { calendarDaysAfterCutoff: n }',
  ),
);

const PeriodOverrideSchema = z.strictObject(
  {
    cutoff: z
      .strictObject({ from: IsoDateSchema, to: IsoDateSchema })
      .refine(
        (c) => c.from <= c.to,
        msg(
          'Ngày bắt đầu chốt số liệu không được sau ngày kết thúc',
          'Cut-off start must not be after its end',
        ),
      )
      .optional(),
    due: IsoDateSchema.optional(),
    graceDays: Days.optional(),
  },
  strict,
);

/**
 * Validates rules (e.g. the coordinator's saved settings) and canonicalises
 * override keys (" 2026-q1" → "2026-Q1"). Override keys may lie outside the
 * year range: narrowing the range should not invalidate saved overrides.
 */
export const PeriodRulesSchema = z
  .strictObject(
    {
      firstYear: Year,
      lastYear: Year,
      due: DueRuleSchema,
      graceDays: Days,
      schedule: z
        .array(
          z.enum(
            PERIOD_KIND_CODES,
            msg(
              `Không có loại kỳ này; các loại kỳ: ${PERIOD_KIND_CODES.join(', ')}`,
              `Unknown period kind; kinds: ${PERIOD_KIND_CODES.join(', ')}`,
            ),
          ),
        )
        .min(
          1,
          msg('Lịch báo cáo cần ít nhất một loại kỳ', 'The schedule needs at least one kind'),
        ),
      overrides: z.record(z.string(), PeriodOverrideSchema),
    },
    strict,
  )
  .superRefine((r, ctx) => {
    if (r.firstYear > r.lastYear) {
      ctx.addIssue({
        code: 'custom',
        path: ['lastYear'],
        message: `Năm cuối (${r.lastYear}) nhỏ hơn năm đầu (${r.firstYear}) / Last year (${r.lastYear}) is before first year (${r.firstYear})`,
      });
    }
    const seen = new Set<string>();
    for (const [key, o] of Object.entries(r.overrides)) {
      const parsed = parsePeriodCode(key, { firstYear: 1000, lastYear: 9999 });
      if (!parsed.ok) {
        const { vi, en } = parsed.error.message;
        ctx.addIssue({ code: 'custom', path: ['overrides', key], message: `${vi} / ${en}` });
        continue;
      }
      const { year, kind, code } = parsed.value;
      if (seen.has(code)) {
        ctx.addIssue({
          code: 'custom',
          path: ['overrides', key],
          message: `Kỳ ${code} được cài đặt hai lần / Period ${code} is set twice`,
        });
      }
      seen.add(code);
      // A due date inside the cut-off window asks for data that is not yet complete.
      const cutoffEnd = o.cutoff?.to ?? decreeCutoff(year, kind).to;
      if (o.due !== undefined && o.due < cutoffEnd) {
        ctx.addIssue({
          code: 'custom',
          path: ['overrides', key, 'due'],
          message: `Hạn nộp kỳ ${code} (${o.due}) sớm hơn ngày kết thúc chốt số liệu (${cutoffEnd}) / Due date of ${code} (${o.due}) is before its cut-off end (${cutoffEnd})`,
        });
      }
    }
  })
  .transform((r) => ({
    ...r,
    overrides: Object.fromEntries(
      Object.entries(r.overrides).map(([key, o]) => {
        const parsed = parsePeriodCode(key, { firstYear: 1000, lastYear: 9999 });
        return [parsed.ok ? parsed.value.code : key, o];
      }),
    ),
  }));

export class PeriodRulesError extends Error {
  readonly issues: readonly { path: string; message: string }[];
  constructor(issues: { path: string; message: string }[]) {
    super(
      `Cài đặt kỳ báo cáo không hợp lệ / Invalid report period settings:\n${issues
        .map((i) => `  ${i.path || '(root)'}: ${i.message}`)
        .join('\n')}`,
    );
    this.name = 'PeriodRulesError';
    this.issues = issues;
  }
}

/** Defaults filled in and everything checked; throws PeriodRulesError on bad settings. */
export function resolveRules(options?: PeriodOptions): PeriodRules {
  if (options === undefined) return DEFAULT_RULES;
  // An option given as undefined means "the default", as if it were left out.
  const merged: Record<string, unknown> = { ...DEFAULT_RULES };
  for (const [key, value] of Object.entries(options)) if (value !== undefined) merged[key] = value;
  const parsed = PeriodRulesSchema.safeParse(merged);
  if (!parsed.success) {
    throw new PeriodRulesError(
      parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    );
  }
  return parsed.data;
}
