import { describe, expect, it } from 'vitest';
import { addDays, daysBetween } from './dates.ts';
import { leapMonthOfLunarYear, lunarMonthLength, lunarToSolar, solarToLunar, tetDate } from './lunar.ts';

/**
 * Tết Nguyên đán (mùng 1 tháng Giêng) in Vietnam, 2020–2035, from the Vietnamese lunar calendar.
 *
 * 2030 is 02/02, NOT 03/02: the new moon is on 2030-02-02 at 16:07 UT (checked against the full
 * Meeus ch. 49 series), i.e. 23:07 in Hà Nội (UTC+7) but 00:07 on 03/02 in Beijing (UTC+8).
 * 2030-02-03 is the Chinese New Year; a table copied from Chinese sources gets Vietnam wrong.
 */
const TET: Record<number, string> = {
  2020: '2020-01-25',
  2021: '2021-02-12',
  2022: '2022-02-01',
  2023: '2023-01-22',
  2024: '2024-02-10',
  2025: '2025-01-29',
  2026: '2026-02-17',
  2027: '2027-02-06',
  2028: '2028-01-26',
  2029: '2029-02-13',
  2030: '2030-02-02',
  2031: '2031-01-23',
  2032: '2032-02-11',
  2033: '2033-01-31',
  2034: '2034-02-19',
  2035: '2035-02-08',
};

/** Giỗ Tổ Hùng Vương (10/3 âm lịch, the ordinary month 3 even when month 3 has a leap twin, as in 2031). */
const HUNG_KINGS: Record<number, string> = {
  2020: '2020-04-02',
  2021: '2021-04-21',
  2022: '2022-04-10',
  2023: '2023-04-29',
  2024: '2024-04-18',
  2025: '2025-04-07',
  2026: '2026-04-26',
  2027: '2027-04-16',
  2028: '2028-04-04',
  2029: '2029-04-23',
  2030: '2030-04-12',
  2031: '2031-04-01',
  2032: '2032-04-19',
  2033: '2033-04-09',
  2034: '2034-04-28',
  2035: '2035-04-17',
};

describe('Tết Nguyên đán 2020–2035', () => {
  for (const [year, date] of Object.entries(TET)) {
    it(`Tết ${year} is ${date}`, () => {
      expect(lunarToSolar(1, 1, Number(year))).toBe(date);
      expect(tetDate(Number(year))).toBe(date);
      expect(solarToLunar(date)).toEqual({ day: 1, month: 1, year: Number(year), leap: false });
      // The day before is the last day of the previous lunar year's 12th month.
      const eve = solarToLunar(addDays(date, -1));
      expect(eve.month).toBe(12);
      expect(eve.year).toBe(Number(year) - 1);
      expect([29, 30]).toContain(eve.day);
    });
  }
});

describe('Giỗ Tổ Hùng Vương 2020–2035', () => {
  for (const [year, date] of Object.entries(HUNG_KINGS)) {
    it(`10/3 âm lịch ${year} is ${date}`, () => {
      expect(lunarToSolar(10, 3, Number(year))).toBe(date);
      expect(solarToLunar(date)).toEqual({ day: 10, month: 3, year: Number(year), leap: false });
    });
  }
});

describe('Vietnamese calendar (UTC+7) is not the Chinese calendar (UTC+8)', () => {
  it('Tết 2007: 17/02 in Vietnam, 18/02 in China', () => {
    expect(lunarToSolar(1, 1, 2007)).toBe('2007-02-17');
    expect(lunarToSolar(1, 1, 2007, false, 8)).toBe('2007-02-18');
    expect(solarToLunar('2007-02-17')).toEqual({ day: 1, month: 1, year: 2007, leap: false });
  });

  it('Tết 1985: 21/01 in Vietnam, 20/02 in China (a whole month apart)', () => {
    expect(lunarToSolar(1, 1, 1985)).toBe('1985-01-21');
    expect(lunarToSolar(1, 1, 1985, false, 8)).toBe('1985-02-20');
  });

  it('Tết 2030: 02/02 in Vietnam, 03/02 in China', () => {
    expect(lunarToSolar(1, 1, 2030)).toBe('2030-02-02');
    expect(lunarToSolar(1, 1, 2030, false, 8)).toBe('2030-02-03');
  });
});

describe('leap months', () => {
  const cases: Array<[number, number, string]> = [
    [2020, 4, '2020-05-23'],
    [2023, 2, '2023-03-22'],
    [2025, 6, '2025-07-25'],
    [2028, 5, '2028-06-23'],
    [2033, 11, '2033-12-22'],
  ];
  for (const [year, month, start] of cases) {
    it(`${year} has leap month ${month} starting ${start}`, () => {
      expect(leapMonthOfLunarYear(year)).toBe(month);
      expect(lunarToSolar(1, month, year, true)).toBe(start);
      expect(solarToLunar(start)).toEqual({ day: 1, month, year, leap: true });
      // The day before is the end of the ordinary month of the same number.
      const before = solarToLunar(addDays(start, -1));
      expect(before.month).toBe(month);
      expect(before.leap).toBe(false);
    });
  }

  it('years without a leap month', () => {
    for (const y of [2021, 2022, 2024, 2026, 2027, 2029, 2030, 2032, 2034, 2035]) {
      expect(leapMonthOfLunarYear(y)).toBe(0);
    }
  });

  it('rejects a leap month the year does not have', () => {
    expect(() => lunarToSolar(1, 5, 2025, true)).toThrow(RangeError);
    expect(() => lunarToSolar(1, 1, 2026, true)).toThrow(RangeError);
  });
});

describe('month lengths and invalid input', () => {
  it('tháng Chạp of Ất Tỵ (2025) has 29 days, so Tết 2026 eve is 29 Tết', () => {
    expect(lunarMonthLength(12, 2025)).toBe(29);
    expect(solarToLunar('2026-02-16')).toEqual({ day: 29, month: 12, year: 2025, leap: false });
    expect(() => lunarToSolar(30, 12, 2025)).toThrow(RangeError);
  });

  it('rejects bad dates', () => {
    expect(() => solarToLunar('2026-02-30')).toThrow(RangeError);
    expect(() => solarToLunar('17/02/2026')).toThrow(RangeError);
    expect(() => lunarToSolar(0, 1, 2026)).toThrow(RangeError);
    expect(() => lunarToSolar(1, 13, 2026)).toThrow(RangeError);
    expect(() => lunarToSolar(1, 1, 1500)).toThrow(RangeError);
  });
});

describe('round trips', () => {
  it('solar → lunar → solar for every day 1990–2060, with consistent day/month succession', () => {
    let prev = solarToLunar('1989-12-31');
    let monthLength = 0;
    let leapMonthsSeen = 0;
    for (let d = '1990-01-01'; d <= '2060-12-31'; d = addDays(d, 1)) {
      const l = solarToLunar(d);
      expect(lunarToSolar(l.day, l.month, l.year, l.leap)).toBe(d);
      if (l.day === 1) {
        if (monthLength !== 0) expect([29, 30]).toContain(prev.day);
        monthLength = 1;
        if (l.leap) {
          leapMonthsSeen++;
          expect(l.month).toBe(prev.month); // a leap month repeats the previous month's number
          expect(l.year).toBe(prev.year);
        } else if (prev.month === 12) {
          expect(l).toMatchObject({ month: 1, year: prev.year + 1 });
        } else {
          expect(l).toMatchObject({ month: prev.month + 1, year: prev.year });
        }
      } else {
        expect(l).toEqual({ ...prev, day: prev.day + 1 });
        monthLength++;
      }
      prev = l;
    }
    // 7 leap months per 19 years (Metonic cycle): about 26 in 71 years.
    expect(leapMonthsSeen).toBeGreaterThanOrEqual(25);
    expect(leapMonthsSeen).toBeLessThanOrEqual(27);
  });

  it('lunar → solar → lunar for every day of 2020, 2023 and 2025 (leap years)', () => {
    for (const year of [2020, 2023, 2025]) {
      const leap = leapMonthOfLunarYear(year);
      const months: Array<[number, boolean]> = [];
      for (let m = 1; m <= 12; m++) {
        months.push([m, false]);
        if (m === leap) months.push([m, true]);
      }
      expect(months).toHaveLength(13);
      let total = 0;
      for (const [m, isLeap] of months) {
        const len = lunarMonthLength(m, year, isLeap);
        total += len;
        for (let day = 1; day <= len; day++) {
          expect(solarToLunar(lunarToSolar(day, m, year, isLeap))).toEqual({ day, month: m, year, leap: isLeap });
        }
      }
      // A leap lunar year has 383–385 days: exactly the gap between two Tết.
      expect(total).toBe(daysBetween(lunarToSolar(1, 1, year), lunarToSolar(1, 1, year + 1)));
      expect(total).toBeGreaterThanOrEqual(383);
      expect(total).toBeLessThanOrEqual(385);
    }
  });

  it('handles the day where the true new moon lags the mean one (Hồ Ngọc Đức "day 0" case, 2054-05-07)', () => {
    const l = solarToLunar('2054-05-07');
    expect(l.day).toBeGreaterThanOrEqual(1);
    expect(lunarToSolar(l.day, l.month, l.year, l.leap)).toBe('2054-05-07');
  });
});
