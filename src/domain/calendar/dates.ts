/**
 * Civil dates as ISO strings ('YYYY-MM-DD').
 *
 * Every date in the calendar API is a civil date in Vietnam (UTC+7, no daylight saving time).
 * Internally a date is an integer "day number": days since 1970-01-01 in the proleptic
 * Gregorian calendar. Day numbers never touch a time zone, so there are no off-by-one-day bugs
 * from `new Date('2026-02-17')` being read in the server's local zone.
 */

/** Vietnam's offset from UTC (Indochina Time, UTC+7, no DST). */
export const VIETNAM_UTC_OFFSET_HOURS = 7;

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A civil date split into its parts (month 1–12). */
export type DateParts = { year: number; month: number; day: number };

/** True when `value` is a real calendar date written as 'YYYY-MM-DD'. */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Number of days in a Gregorian month. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Split an ISO date; throws RangeError if it is not a valid 'YYYY-MM-DD' date. */
export function parseIsoDate(date: string): DateParts {
  if (!isIsoDate(date)) {
    throw new RangeError(`Invalid date ${JSON.stringify(date)}: expected a real date as 'YYYY-MM-DD'`);
  }
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

/** Day number (days since 1970-01-01) of a civil date given by its parts. */
export function dayNumberFromParts(year: number, month: number, day: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day); // setUTCFullYear handles years < 100 correctly
  return Math.round(d.getTime() / MS_PER_DAY);
}

/** Day number of an ISO date (validated). */
export function toDayNumber(date: string): number {
  const { year, month, day } = parseIsoDate(date);
  return dayNumberFromParts(year, month, day);
}

/** Parts of a day number. */
export function partsFromDayNumber(dayNumber: number): DateParts {
  const d = new Date(dayNumber * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** ISO date of a day number. */
export function fromDayNumber(dayNumber: number): string {
  const { year, month, day } = partsFromDayNumber(dayNumber);
  return formatIsoDate(year, month, day);
}

/** Format parts as 'YYYY-MM-DD'. */
export function formatIsoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Day of the week of a day number: 0 = Sunday … 6 = Saturday (like Date#getUTCDay). */
export function weekdayOfDayNumber(dayNumber: number): number {
  // 1970-01-01 was a Thursday (4).
  return (((dayNumber + 4) % 7) + 7) % 7;
}

/** Day of the week of an ISO date: 0 = Sunday … 6 = Saturday. */
export function weekday(date: string): number {
  return weekdayOfDayNumber(toDayNumber(date));
}

/** The date `n` calendar days after `date` (n may be negative). */
export function addDays(date: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`addDays: n must be an integer, got ${n}`);
  return fromDayNumber(toDayNumber(date) + n);
}

/** Calendar days from `a` to `b` (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  return toDayNumber(b) - toDayNumber(a);
}

/**
 * Today's civil date in Vietnam (UTC+7) at instant `now`.
 * Example: 2026-02-16T17:30:00Z is already 2026-02-17 00:30 in Hà Nội.
 */
export function todayInVietnam(now: Date): string {
  const t = now.getTime();
  if (Number.isNaN(t)) throw new RangeError('todayInVietnam: invalid Date');
  return fromDayNumber(Math.floor((t + VIETNAM_UTC_OFFSET_HOURS * 3_600_000) / MS_PER_DAY));
}
