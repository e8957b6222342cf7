/**
 * The Vietnamese lunar calendar (âm lịch).
 *
 * Algorithm: Hồ Ngọc Đức, "Thuật toán tính âm lịch" (the reference implementation behind most
 * Vietnamese calendar software), itself based on Jean Meeus, "Astronomical Algorithms" (1998).
 * Rules of the lunisolar calendar it implements:
 *  - A lunar month starts on the civil day (in the calendar's time zone) containing the new moon.
 *  - The month containing the winter solstice (Đông chí) is month 11.
 *  - If there are 13 new moons between two months 11 (a leap year), the first month after
 *    month 11 that contains no major solar term (trung khí: a multiple of 30° of solar
 *    longitude) is the leap month and repeats the number of the month before it.
 *
 * The time zone matters: Vietnam computes its calendar at UTC+7 (since 1968; before that North
 * Vietnam used UTC+8 like China). China computes at UTC+8, so whenever a new moon or a solar
 * term falls between 16:00 and 17:00 UTC the two calendars differ by a day or even a month:
 * Tết 2007 was 17/02 in Vietnam and 18/02 in China; Tết 1985 was 21/01 in Vietnam and 20/02 in
 * China. Do NOT replace this with a Chinese-calendar table or library.
 *
 * Supported range: solar/lunar years 1800–2199 (the astronomical series lose accuracy beyond).
 */
import { dayNumberFromParts, fromDayNumber, parseIsoDate } from './dates.ts';

/** Time zone of the Vietnamese calendar, in hours east of UTC. */
export const VIETNAMESE_CALENDAR_TIME_ZONE = 7;

/** A date of the Vietnamese lunar calendar. `leap` is true inside a leap month (tháng nhuận). */
export type LunarDate = { day: number; month: number; year: number; leap: boolean };

export const MIN_LUNAR_YEAR = 1800;
export const MAX_LUNAR_YEAR = 2199;

/** Julian Day Number of 1970-01-01 (our day number 0). */
const JDN_UNIX_EPOCH = 2_440_588;
/** Mean length of a synodic month, in days. */
const SYNODIC_MONTH = 29.530588853;
/** Julian Date of the new moon k = 0 (1900-01-01 13:52 UT), per Hồ Ngọc Đức. */
const NEW_MOON_EPOCH = 2_415_021.076998695;

const DEG = Math.PI / 180;

/**
 * Julian Date (in UT) of the k-th new moon after the one of 1900-01-01 (Meeus, ch. 49,
 * with the reduced set of periodic terms used by Hồ Ngọc Đức).
 */
function newMoonJulianDate(k: number): number {
  const T = k / 1236.85; // Julian centuries since 1900-01-00.5
  const T2 = T * T;
  const T3 = T2 * T;
  let jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
  jd1 += 0.00033 * Math.sin((166.56 + 132.87 * T - 0.009173 * T2) * DEG);
  const M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3; // Sun's mean anomaly
  const Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3; // Moon's mean anomaly
  const F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3; // Moon's argument of latitude
  let c1 = (0.1734 - 0.000393 * T) * Math.sin(M * DEG) + 0.0021 * Math.sin(2 * DEG * M);
  c1 = c1 - 0.4068 * Math.sin(Mpr * DEG) + 0.0161 * Math.sin(DEG * 2 * Mpr);
  c1 = c1 - 0.0004 * Math.sin(DEG * 3 * Mpr);
  c1 = c1 + 0.0104 * Math.sin(DEG * 2 * F) - 0.0051 * Math.sin(DEG * (M + Mpr));
  c1 = c1 - 0.0074 * Math.sin(DEG * (M - Mpr)) + 0.0004 * Math.sin(DEG * (2 * F + M));
  c1 = c1 - 0.0004 * Math.sin(DEG * (2 * F - M)) - 0.0006 * Math.sin(DEG * (2 * F + Mpr));
  c1 = c1 + 0.001 * Math.sin(DEG * (2 * F - Mpr)) + 0.0005 * Math.sin(DEG * (2 * Mpr + M));
  // ΔT (TT − UT) in days.
  const deltaT =
    T < -11
      ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3
      : -0.000278 + 0.000265 * T + 0.000262 * T2;
  return jd1 + c1 - deltaT;
}

/** Sun's apparent longitude in radians, [0, 2π), at Julian Date `jd` (Meeus, ch. 25, low precision). */
function sunLongitude(jd: number): number {
  const T = (jd - 2451545.0) / 36525; // Julian centuries since J2000.0
  const T2 = T * T;
  const M = 357.5291 + 35999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2; // mean anomaly
  const L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2; // mean longitude
  let DL = (1.9146 - 0.004817 * T - 0.000014 * T2) * Math.sin(DEG * M);
  DL += (0.019993 - 0.000101 * T) * Math.sin(DEG * 2 * M) + 0.00029 * Math.sin(DEG * 3 * M);
  let L = (L0 + DL) * DEG;
  L -= 2 * Math.PI * Math.floor(L / (2 * Math.PI));
  return L;
}

/**
 * Index 0–11 of the 30° sector of solar longitude at the START of civil day `jdn` (local time):
 * a month with no major solar term starts and ends in the same sector.
 */
function sunSector(jdn: number, timeZone: number): number {
  return Math.floor((sunLongitude(jdn - 0.5 - timeZone / 24) / Math.PI) * 6);
}

/** Julian Day Number of the civil day (local time) containing the k-th new moon. */
function newMoonDay(k: number, timeZone: number): number {
  return Math.floor(newMoonJulianDate(k) + 0.5 + timeZone / 24);
}

const month11Cache = new Map<number, number>();

/** JDN of the first day of lunar month 11 (the month containing the winter solstice) of solar year `year`. */
function lunarMonth11(year: number, timeZone: number): number {
  const key = year * 100 + timeZone;
  const cached = month11Cache.get(key);
  if (cached !== undefined) return cached;
  const off = dayNumberFromParts(year, 12, 31) + JDN_UNIX_EPOCH - 2415021;
  const k = Math.floor(off / SYNODIC_MONTH);
  let nm = newMoonDay(k, timeZone);
  // If that new moon comes after the solstice (sun ≥ 270°), month 11 began one lunation earlier.
  if (sunSector(nm, timeZone) >= 9) nm = newMoonDay(k - 1, timeZone);
  month11Cache.set(key, nm);
  return nm;
}

/**
 * In a leap lunar year whose month 11 starts on `a11`, the offset (in months after month 11)
 * of the leap month: the first month that contains no major solar term.
 */
function leapMonthOffset(a11: number, timeZone: number): number {
  const k = Math.floor((a11 - NEW_MOON_EPOCH) / SYNODIC_MONTH + 0.5);
  let i = 1;
  let arc = sunSector(newMoonDay(k + i, timeZone), timeZone);
  let last: number;
  do {
    last = arc;
    i++;
    arc = sunSector(newMoonDay(k + i, timeZone), timeZone);
  } while (arc !== last && i < 14);
  return i - 1;
}

function checkYear(year: number, what: string): void {
  if (!Number.isInteger(year) || year < MIN_LUNAR_YEAR || year > MAX_LUNAR_YEAR) {
    throw new RangeError(`${what} ${year} is outside the supported range ${MIN_LUNAR_YEAR}–${MAX_LUNAR_YEAR}`);
  }
}

/**
 * Convert a solar (Gregorian) date 'YYYY-MM-DD' to the Vietnamese lunar date.
 * `timeZone` exists only so tests can show the difference with the Chinese calendar (UTC+8);
 * production code must use the default (UTC+7).
 */
export function solarToLunar(date: string, timeZone: number = VIETNAMESE_CALENDAR_TIME_ZONE): LunarDate {
  const { year, month, day } = parseIsoDate(date);
  checkYear(year, 'Solar year');
  const jdn = dayNumberFromParts(year, month, day) + JDN_UNIX_EPOCH;
  let k = Math.floor((jdn - NEW_MOON_EPOCH) / SYNODIC_MONTH) + 1;
  let monthStart = newMoonDay(k, timeZone);
  // Step back to the last new moon on or before the day. Hồ Ngọc Đức's original steps back
  // only once, which yields "day 0" when the true new moon lags the mean one by more than the
  // day's fraction (e.g. 2054-05-07); a loop fixes that.
  while (monthStart > jdn) {
    k--;
    monthStart = newMoonDay(k, timeZone);
  }

  let a11 = lunarMonth11(year, timeZone);
  let b11 = a11;
  let lunarYear: number;
  if (a11 >= monthStart) {
    lunarYear = year;
    a11 = lunarMonth11(year - 1, timeZone);
  } else {
    lunarYear = year + 1;
    b11 = lunarMonth11(year + 1, timeZone);
  }
  const lunarDay = jdn - monthStart + 1;
  const diff = Math.floor((monthStart - a11) / 29);
  let leap = false;
  let lunarMonth = diff + 11;
  if (b11 - a11 > 365) {
    const leapDiff = leapMonthOffset(a11, timeZone);
    if (diff >= leapDiff) {
      lunarMonth = diff + 10;
      if (diff === leapDiff) leap = true;
    }
  }
  if (lunarMonth > 12) lunarMonth -= 12;
  if (lunarMonth >= 11 && diff < 4) lunarYear -= 1;
  return { day: lunarDay, month: lunarMonth, year: lunarYear, leap };
}

/**
 * Number (1–12) of the leap month in the lunar span that starts at month 11 `a11` and ends
 * before month 11 `b11`, or 0 if that span has 12 months. The month at offset j after month 11
 * is numbered ((10 + j) mod 12) + 1; the leap month repeats the number of the month before it.
 */
function leapMonthNumber(a11: number, b11: number, timeZone: number): { month: number; offset: number } | null {
  if (b11 - a11 <= 365) return null;
  const offset = leapMonthOffset(a11, timeZone);
  return { month: ((9 + offset) % 12) + 1, offset };
}

/**
 * The leap month (1–12) of lunar year `year`, or 0 if the year has none.
 * (A leap month 11 or 12 belongs to the lunar year in which it falls.)
 */
export function leapMonthOfLunarYear(year: number, timeZone: number = VIETNAMESE_CALENDAR_TIME_ZONE): number {
  checkYear(year, 'Lunar year');
  // Months 1–10 of lunar year Y lie between month 11 of solar year Y−1 and month 11 of solar
  // year Y; months 11–12 of Y lie between month 11 of solar Y and month 11 of solar Y+1.
  const early = leapMonthNumber(lunarMonth11(year - 1, timeZone), lunarMonth11(year, timeZone), timeZone);
  if (early && early.month <= 10) return early.month;
  const late = leapMonthNumber(lunarMonth11(year, timeZone), lunarMonth11(year + 1, timeZone), timeZone);
  if (late && late.month >= 11) return late.month;
  return 0;
}

/**
 * Convert a Vietnamese lunar date to the solar date 'YYYY-MM-DD'.
 * Throws RangeError for a date that does not exist (a leap month that the year does not have,
 * or day 30 of a 29-day month).
 */
export function lunarToSolar(
  day: number,
  month: number,
  year: number,
  leap: boolean = false,
  timeZone: number = VIETNAMESE_CALENDAR_TIME_ZONE,
): string {
  checkYear(year, 'Lunar year');
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`Invalid lunar month ${month}`);
  if (!Number.isInteger(day) || day < 1 || day > 30) throw new RangeError(`Invalid lunar day ${day}`);

  let a11: number;
  let b11: number;
  if (month < 11) {
    a11 = lunarMonth11(year - 1, timeZone);
    b11 = lunarMonth11(year, timeZone);
  } else {
    a11 = lunarMonth11(year, timeZone);
    b11 = lunarMonth11(year + 1, timeZone);
  }
  let off = month - 11;
  if (off < 0) off += 12;
  const leapInfo = leapMonthNumber(a11, b11, timeZone);
  if (leap && (!leapInfo || leapInfo.month !== month)) {
    throw new RangeError(`Lunar year ${year} has no leap month ${month}`);
  }
  // Months after the leap month (and the leap month itself) are one lunation further on.
  // (Hồ Ngọc Đức's original computes the leap month as offset − 2, which is wrong for a leap
  // month 12; we number it explicitly.)
  if (leapInfo && (leap || off >= leapInfo.offset)) off += 1;
  const k = Math.floor(0.5 + (a11 - NEW_MOON_EPOCH) / SYNODIC_MONTH);
  const monthStart = newMoonDay(k + off, timeZone);
  const nextMonthStart = newMoonDay(k + off + 1, timeZone);
  if (day > nextMonthStart - monthStart) {
    throw new RangeError(`Lunar month ${month}${leap ? ' (nhuận)' : ''} of ${year} has only ${nextMonthStart - monthStart} days`);
  }
  return fromDayNumber(monthStart + day - 1 - JDN_UNIX_EPOCH);
}

/** Number of days (29 or 30) in a lunar month. */
export function lunarMonthLength(
  month: number,
  year: number,
  leap: boolean = false,
  timeZone: number = VIETNAMESE_CALENDAR_TIME_ZONE,
): number {
  const first = lunarToSolar(1, month, year, leap, timeZone);
  const { year: y, month: m, day: d } = parseIsoDate(first);
  const start = dayNumberFromParts(y, m, d);
  // Day 30 exists iff converting it back lands in the same month.
  const next = solarToLunar(fromDayNumber(start + 29), timeZone);
  return next.month === month && next.leap === leap ? 30 : 29;
}

/** Solar date of Tết Nguyên đán (mùng 1 tháng Giêng) of lunar year `year`. */
export function tetDate(year: number): string {
  return lunarToSolar(1, 1, year);
}
