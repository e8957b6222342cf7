/**
 * The working-day calendar of Vietnamese public bodies.
 *
 * A day is a working day unless it is a weekly rest day (Saturday, Sunday), a public holiday or
 * a compensatory day (Bộ luật Lao động 2019, Điều 111–112), or an extra day off in the year's
 * override table; a Saturday or Sunday swapped into a working day (ngày làm bù) in the override
 * table IS a working day.
 *
 * Precedence for one date: override working day > override day off > override "not off" >
 * default holiday / compensatory day > Saturday / Sunday > working day.
 *
 * Each year is built once, lazily, into flat arrays (about 3 KB per year); every query after
 * that is an array lookup, so computing deadlines for thousands of petitions is cheap.
 */
import { dayNumberFromParts, fromDayNumber, partsFromDayNumber, toDayNumber, weekdayOfDayNumber } from './dates.ts';
import { defaultHolidays, validateOverrides } from './holidays.ts';
import type { Holiday, YearOverrides } from './holidays.ts';
import { MAX_LUNAR_YEAR, MIN_LUNAR_YEAR } from './lunar.ts';

/** Vietnamese names of the weekly rest days. */
export const WEEKDAY_NAMES = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'] as const;

/** Why a day has the status it has. */
export type DayKind =
  | 'working' // an ordinary Monday–Friday
  | 'swapped_working' // a rest day made a working day by the override table (ngày làm bù)
  | 'weekend' // Saturday or Sunday
  | 'holiday' // statutory holiday (default)
  | 'compensatory' // compensatory day for a holiday on a rest day (default)
  | 'override_off'; // extra day off from the override table

export type DayInfo = {
  date: string;
  working: boolean;
  kind: DayKind;
  /** Vietnamese: why the day is off (e.g. 'Chủ nhật', 'Tết Nguyên đán'), or the name of a swapped working day; null for an ordinary working day. */
  label: string | null;
};

export type WorkingCalendar = {
  /** True if `date` ('YYYY-MM-DD') is a working day. */
  isWorkingDay(date: string): boolean;
  /** Vietnamese reason why `date` is not a working day ('Thứ Bảy', 'Chủ nhật', 'Tết Nguyên đán', 'Nghỉ bù Quốc khánh'…), or null if it is a working day. */
  dayOffReason(date: string): string | null;
  /** Full description of a day. */
  dayInfo(date: string): DayInfo;
  /**
   * The n-th working day after `date` (n > 0) or before it (n < 0); `date` itself is never
   * counted. n = 0 returns `date` unchanged.
   */
  addWorkingDays(date: string, n: number): string;
  /**
   * Working days in the interval (a, b]: after `a`, up to and including `b`; negative when
   * b < a (antisymmetric: workingDaysBetween(b, a) === −workingDaysBetween(a, b)).
   * Inverse of addWorkingDays: workingDaysBetween(a, addWorkingDays(a, n)) === n for n ≥ 0,
   * and for n < 0 when `a` is a working day.
   */
  workingDaysBetween(a: string, b: string): number;
  /** The first working day strictly after `date`. */
  nextWorkingDay(date: string): string;
  /** The last working day strictly before `date`. */
  previousWorkingDay(date: string): string;
  /** `date` if it is a working day, otherwise the first working day after it. */
  workingDayOnOrAfter(date: string): string;
  /** `date` if it is a working day, otherwise the last working day before it. */
  workingDayOnOrBefore(date: string): string;
  /** Every non-weekend day off of `year` (holidays, compensatory and override days off) and every swapped working day, in date order. */
  specialDays(year: number): DayInfo[];
  /** The override table this calendar was built with. */
  readonly overrides: readonly YearOverrides[];
};

type YearTable = {
  /** Day number of 1 January. */
  start: number;
  /** kind per day of the year. */
  kinds: DayKind[];
  /** label per day of the year. */
  labels: (string | null)[];
  /** cumWorking[i] = number of working days among the first i days of the year. */
  cumWorking: Int32Array;
};

function isWorkingKind(kind: DayKind): boolean {
  return kind === 'working' || kind === 'swapped_working';
}

/**
 * Build a working calendar from the override table (one entry per year; years without an entry
 * use the legal defaults). Throws RangeError if the table is invalid (see validateOverrides).
 */
export function createWorkingCalendar(overrides: readonly YearOverrides[] = []): WorkingCalendar {
  const problems = validateOverrides(overrides);
  if (problems.length > 0) {
    throw new RangeError(`Bảng ngày nghỉ không hợp lệ:\n- ${problems.join('\n- ')}`);
  }
  // Defensive copy: later edits to the caller's objects must not change this calendar.
  const frozen: YearOverrides[] = overrides.map((o) => ({
    year: o.year,
    daysOff: o.daysOff.map((d) => ({ ...d })),
    notOff: [...o.notOff],
    workingDays: o.workingDays.map((d) => ({ ...d })),
    ...(o.source !== undefined ? { source: o.source } : {}),
  }));
  const byYear = new Map(frozen.map((o) => [o.year, o]));
  const tables = new Map<number, YearTable>();

  function buildYear(year: number): YearTable {
    if (year < MIN_LUNAR_YEAR || year > MAX_LUNAR_YEAR) {
      throw new RangeError(`Năm ${year} nằm ngoài phạm vi lịch hỗ trợ (${MIN_LUNAR_YEAR}–${MAX_LUNAR_YEAR})`);
    }
    const start = dayNumberFromParts(year, 1, 1);
    const length = dayNumberFromParts(year + 1, 1, 1) - start;
    const kinds: DayKind[] = new Array<DayKind>(length);
    const labels: (string | null)[] = new Array<string | null>(length);
    for (let i = 0; i < length; i++) {
      const wd = weekdayOfDayNumber(start + i);
      if (wd === 0 || wd === 6) {
        kinds[i] = 'weekend';
        labels[i] = WEEKDAY_NAMES[wd];
      } else {
        kinds[i] = 'working';
        labels[i] = null;
      }
    }
    const o = byYear.get(year);
    const notOff = new Set(o?.notOff ?? []);
    for (const h of defaultHolidays(year) as Holiday[]) {
      if (notOff.has(h.date)) continue;
      const i = toDayNumber(h.date) - start;
      kinds[i] = h.kind;
      labels[i] = h.name;
    }
    if (o) {
      for (const d of o.daysOff) {
        const i = toDayNumber(d.date) - start;
        kinds[i] = 'override_off';
        labels[i] = d.name;
      }
      for (const d of o.workingDays) {
        const i = toDayNumber(d.date) - start;
        const wd = weekdayOfDayNumber(start + i);
        kinds[i] = wd === 0 || wd === 6 || kinds[i] !== 'working' ? 'swapped_working' : 'working';
        labels[i] = d.name || null;
      }
    }
    const cumWorking = new Int32Array(length + 1);
    for (let i = 0; i < length; i++) cumWorking[i + 1] = cumWorking[i]! + (isWorkingKind(kinds[i]!) ? 1 : 0);
    return { start, kinds, labels, cumWorking };
  }

  function tableFor(year: number): YearTable {
    let t = tables.get(year);
    if (!t) {
      t = buildYear(year);
      tables.set(year, t);
    }
    return t;
  }

  let lastTable: YearTable | null = null;
  function tableOfDay(dn: number): YearTable {
    // Fast path: consecutive queries nearly always hit the same year.
    if (lastTable && dn >= lastTable.start && dn < lastTable.start + lastTable.kinds.length) return lastTable;
    lastTable = tableFor(partsFromDayNumber(dn).year);
    return lastTable;
  }

  function kindOf(dn: number): DayKind {
    const t = tableOfDay(dn);
    return t.kinds[dn - t.start]!;
  }

  function workingDn(dn: number): boolean {
    return isWorkingKind(kindOf(dn));
  }

  /** Working days in the day-number interval [from, to] (inclusive; 0 if to < from). */
  function countWorking(from: number, to: number): number {
    let total = 0;
    let d = from;
    while (d <= to) {
      const t = tableOfDay(d);
      const end = Math.min(to, t.start + t.kinds.length - 1);
      total += t.cumWorking[end - t.start + 1]! - t.cumWorking[d - t.start]!;
      d = end + 1;
    }
    return total;
  }

  function step(dn: number, direction: 1 | -1): number {
    let d = dn + direction;
    // A year always has working days, so this terminates (or throws when leaving the supported range).
    while (!workingDn(d)) d += direction;
    return d;
  }

  function info(dn: number): DayInfo {
    const t = tableOfDay(dn);
    const kind = t.kinds[dn - t.start]!;
    return { date: fromDayNumber(dn), working: isWorkingKind(kind), kind, label: t.labels[dn - t.start]! };
  }

  return {
    overrides: frozen,
    isWorkingDay(date) {
      return workingDn(toDayNumber(date));
    },
    dayOffReason(date) {
      const d = info(toDayNumber(date));
      return d.working ? null : d.label;
    },
    dayInfo(date) {
      return info(toDayNumber(date));
    },
    addWorkingDays(date, n) {
      if (!Number.isInteger(n)) throw new RangeError(`addWorkingDays: n must be an integer, got ${n}`);
      let d = toDayNumber(date);
      const direction = n >= 0 ? 1 : -1;
      for (let left = Math.abs(n); left > 0; left--) d = step(d, direction);
      return fromDayNumber(d);
    },
    workingDaysBetween(a, b) {
      const da = toDayNumber(a);
      const db = toDayNumber(b);
      return db >= da ? countWorking(da + 1, db) : -countWorking(db + 1, da);
    },
    nextWorkingDay(date) {
      return fromDayNumber(step(toDayNumber(date), 1));
    },
    previousWorkingDay(date) {
      return fromDayNumber(step(toDayNumber(date), -1));
    },
    workingDayOnOrAfter(date) {
      const d = toDayNumber(date);
      return fromDayNumber(workingDn(d) ? d : step(d, 1));
    },
    workingDayOnOrBefore(date) {
      const d = toDayNumber(date);
      return fromDayNumber(workingDn(d) ? d : step(d, -1));
    },
    specialDays(year) {
      if (!Number.isInteger(year)) throw new RangeError(`Invalid year ${year}`);
      const t = tableFor(year);
      const out: DayInfo[] = [];
      for (let i = 0; i < t.kinds.length; i++) {
        const k = t.kinds[i]!;
        if (k === 'holiday' || k === 'compensatory' || k === 'override_off' || k === 'swapped_working') {
          out.push(info(t.start + i));
        }
      }
      return out;
    },
  };
}
