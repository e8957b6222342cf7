/**
 * The Vietnamese working-day calendar and deadline logic.
 * All dates are civil dates in Vietnam (UTC+7) written as 'YYYY-MM-DD'.
 */
export { todayInVietnam, isIsoDate, addDays, daysBetween, weekday, VIETNAM_UTC_OFFSET_HOURS } from './dates.ts';
export {
  solarToLunar,
  lunarToSolar,
  lunarMonthLength,
  leapMonthOfLunarYear,
  tetDate,
  VIETNAMESE_CALENDAR_TIME_ZONE,
  MIN_LUNAR_YEAR,
  MAX_LUNAR_YEAR,
} from './lunar.ts';
export type { LunarDate } from './lunar.ts';
export {
  defaultHolidays,
  statutoryHolidays,
  nationalDayAdjacentDate,
  validateOverrides,
  emptyOverrides,
  dateRange,
  dayRuns,
  KNOWN_OVERRIDES,
  HOLIDAY_NAMES,
  COMPENSATORY_PREFIX,
} from './holidays.ts';
export type { Holiday, HolidayKind, DayOverride, DayRun, YearOverrides } from './holidays.ts';
export { createWorkingCalendar, WEEKDAY_NAMES } from './calendar.ts';
export type { WorkingCalendar, DayInfo, DayKind } from './calendar.ts';
export {
  computeDeadline,
  explainDeadline,
  computeDeadlineBefore,
  explainDeadlineBefore,
  deadlineStatus,
  daysOverdue,
  workingDaysRemaining,
  DEADLINE_STATUS_LABELS,
  DEFAULT_DEADLINE_THRESHOLDS,
} from './deadline.ts';
export type { DeadlineRule, DeadlineUnit, DeadlineStatus, DeadlineThresholds, DeadlineComputation } from './deadline.ts';
export { setsInForce, coversYear, firstUncoveredYear, explainCoveredDeadline } from './validity.ts';
export type { Dated, KnownYears, CoveredDeadlineErrors } from './validity.ts';
