// The public surface of report periods; other files are implementation.
export {
  formatPeriodCode,
  InvalidPeriodCodeError,
  type ParsedPeriodCode,
  PeriodCode,
  type PeriodCodeError,
  type PeriodCodeErrorCode,
  parsePeriodCode,
  periodCodeSchema,
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
  IsoDateSchema,
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
export { openPeriod, periodsCovering, scheduledPeriods } from './open.ts';
export {
  daysLeft,
  deadline,
  getPeriod,
  listPeriods,
  type Period,
  PeriodSchema,
  type PeriodStatus,
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
  PeriodRulesSchema,
  resolveRules,
} from './rules.ts';
