// The zod schemas of report periods and their settings: what the Worker
// checks requests and the coordinator's saved settings with. Kept apart from
// the plain functions (code.ts, dates.ts, period.ts, rules.ts) so that code
// which only computes periods (the task pane) does not carry zod.
import * as z from 'zod';
import { formatPeriodCode, parsePeriodCode, type YearRange } from './code.ts';
import { dateMessage, isIsoDate } from './dates.ts';
import { decreeCutoff, PERIOD_KIND_CODES } from './kinds.ts';
import type { Period } from './period.ts';
import { DEFAULT_RULES, type PeriodOptions, type PeriodRules, PeriodRulesError } from './rules.ts';

/** A calendar date, `YYYY-MM-DD`, refused with dates.ts's bilingual message. */
export const IsoDateSchema = z.string().refine(isIsoDate, {
  error: (issue) => {
    const m = dateMessage(issue.input);
    return `${m.vi} / ${m.en}`;
  },
});

/**
 * A zod string schema for a period code in a year range: it canonicalises
 * (" 2026-q1" → "2026-Q1") and rejects with parsePeriodCode's bilingual
 * message; the issue's `params.code` carries the stable error code.
 */
export function periodCodeSchema(range: YearRange = {}) {
  return z
    .string()
    .overwrite((s) => {
      const r = parsePeriodCode(s, range);
      return r.ok ? r.value.code : s;
    })
    .superRefine((s, ctx) => {
      const r = parsePeriodCode(s, range);
      if (r.ok) return;
      ctx.addIssue({
        code: 'custom',
        message: `${r.error.message.vi} / ${r.error.message.en}`,
        params: { code: r.error.code },
      });
    });
}

/** Period code in the default years (2022–2030). */
export const PeriodCode = periodCodeSchema();

// Any four-digit year: a Period built with a wider year range must still validate.
const AnyPeriodCode = periodCodeSchema({ firstYear: 1000, lastYear: 9999 });

export const PeriodSchema = z
  .strictObject({
    code: AnyPeriodCode,
    year: z.number().int().min(1000).max(9999),
    kind: z.enum(PERIOD_KIND_CODES),
    label: z.strictObject({ vi: z.string().min(1), en: z.string().min(1) }),
    /** Data cut-off window (thời gian chốt số liệu), both ends inclusive. */
    cutoff: z.strictObject({ from: IsoDateSchema, to: IsoDateSchema }),
    due: IsoDateSchema,
    /** Calendar days after `due` during which a report is late but still accepted. */
    graceDays: z.number().int().min(0),
  })
  .refine((p) => p.code === formatPeriodCode(p.year, p.kind), {
    error: 'Mã kỳ không khớp năm và loại kỳ / Period code does not match its year and kind',
    path: ['code'],
  }) satisfies z.ZodType<Period>;

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
