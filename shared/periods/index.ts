// The public surface of report periods; other files are implementation.
export {
  formatPeriodCode,
  InvalidPeriodCodeError,
  type ParsedPeriodCode,
  type PeriodCodeError,
  type PeriodCodeErrorCode,
  parsePeriodCode,
  type YearRange,
} from './code.ts';
export {
  addDays,
  addWorkingDays,
  assertIsoDate,
  daysBetween,
  formatViDate,
  InvalidDateError,
  type IsoDate,
  isIsoDate,
  isoDate,
  isWorkingDay,
  vnToday,
  weekday,
} from './dates.ts';
export {
  DEFAULT_FIRST_YEAR,
  DEFAULT_LAST_YEAR,
  DEFAULT_SCHEDULE,
  decreeCutoff,
  type MonthDay,
  PERIOD_KIND_CODES,
  PERIOD_KINDS,
  type PeriodKind,
  type PeriodKindRule,
} from './kinds.ts';
export { getPeriod, listPeriods } from './lookup.ts';
export { openPeriod, periodsCovering, scheduledPeriods } from './open.ts';
export {
  daysLeft,
  deadline,
  type Period,
  type PeriodStatus,
  periodIn,
  periodName,
  statusOn,
} from './period.ts';
export {
  DEFAULT_RULES,
  type DueRule,
  type PeriodOptions,
  type PeriodOverride,
  type PeriodRules,
  PeriodRulesError,
} from './rules.ts';
export {
  IsoDateSchema,
  PeriodCode,
  PeriodRulesSchema,
  PeriodSchema,
  periodCodeSchema,
  resolveRules,
} from './schema.ts';
