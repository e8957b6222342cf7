import { describe, expect, it } from 'vitest';
import { createWorkingCalendar } from './calendar.ts';
import { addDays, todayInVietnam, weekday } from './dates.ts';
import { KNOWN_OVERRIDES } from './holidays.ts';
import type { YearOverrides } from './holidays.ts';

/**
 * Override tables shaped like the real 2024 and 2025 decisions (illustrative test data, not a
 * verified seed): a Monday off swapped with a working Saturday, and a Tết placed one day
 * earlier than the computed default.
 */
const OVERRIDES_2024: YearOverrides = {
  year: 2024,
  daysOff: [
    { date: '2024-02-08', name: 'Tết Nguyên đán' },
    { date: '2024-04-29', name: 'Nghỉ hoán đổi (làm bù thứ Bảy 04/5/2024)' },
  ],
  notOff: ['2024-02-15'],
  workingDays: [{ date: '2024-05-04', name: 'Làm bù cho thứ Hai 29/4/2024' }],
};
const OVERRIDES_2025: YearOverrides = {
  year: 2025,
  daysOff: [{ date: '2025-01-27', name: 'Tết Nguyên đán' }],
  notOff: ['2025-02-03'],
  workingDays: [],
};

describe('weekends and holidays', () => {
  const cal = createWorkingCalendar();

  it('Saturday and Sunday are rest days with Vietnamese names', () => {
    expect(cal.isWorkingDay('2026-03-07')).toBe(false);
    expect(cal.dayOffReason('2026-03-07')).toBe('Thứ Bảy');
    expect(cal.dayOffReason('2026-03-08')).toBe('Chủ nhật');
    expect(cal.isWorkingDay('2026-03-09')).toBe(true);
    expect(cal.dayOffReason('2026-03-09')).toBeNull();
  });

  it('holidays are named; a holiday on a weekend is named as the holiday', () => {
    expect(cal.dayOffReason('2026-02-17')).toBe('Tết Nguyên đán');
    expect(cal.dayOffReason('2026-04-26')).toBe('Giỗ Tổ Hùng Vương'); // a Sunday
    expect(cal.dayOffReason('2026-04-27')).toBe('Nghỉ bù Giỗ Tổ Hùng Vương');
    expect(cal.dayInfo('2026-04-27')).toEqual({
      date: '2026-04-27',
      working: false,
      kind: 'compensatory',
      label: 'Nghỉ bù Giỗ Tổ Hùng Vương',
    });
  });

  it('30/4 on a Sunday (2028): 1/5 Monday is a holiday, so the compensatory day is Tuesday 2/5', () => {
    expect(weekday('2028-04-30')).toBe(0);
    expect(cal.dayOffReason('2028-05-01')).toBe('Ngày Quốc tế Lao động');
    expect(cal.dayOffReason('2028-05-02')).toBe('Nghỉ bù Ngày Chiến thắng');
    expect(cal.isWorkingDay('2028-05-03')).toBe(true);
  });

  it('2/9 on a Saturday (2023) gives Monday 4/9 off', () => {
    expect(weekday('2023-09-02')).toBe(6);
    expect(cal.isWorkingDay('2023-09-04')).toBe(false);
    expect(cal.dayOffReason('2023-09-04')).toBe('Nghỉ bù Quốc khánh');
    expect(cal.nextWorkingDay('2023-08-31')).toBe('2023-09-05');
  });
});

describe('override table', () => {
  it('real Tết 2026 (14–22/02) for public servants', () => {
    const cal = createWorkingCalendar(KNOWN_OVERRIDES);
    for (let d = '2026-02-14'; d <= '2026-02-22'; d = addDays(d, 1)) {
      expect(cal.isWorkingDay(d)).toBe(false);
      expect(cal.dayOffReason(d)).toBe('Tết Nguyên đán');
    }
    expect(cal.isWorkingDay('2026-02-13')).toBe(true);
    expect(cal.isWorkingDay('2026-02-23')).toBe(true);
  });

  it('extra day off and "not off" move Tết 2025 one day earlier', () => {
    const plain = createWorkingCalendar();
    const real = createWorkingCalendar([OVERRIDES_2025]);
    expect(plain.isWorkingDay('2025-01-27')).toBe(true);
    expect(real.isWorkingDay('2025-01-27')).toBe(false);
    expect(plain.dayOffReason('2025-02-03')).toBe('Nghỉ bù Tết Nguyên đán');
    expect(real.isWorkingDay('2025-02-03')).toBe(true);
    expect(plain.addWorkingDays('2025-01-24', 1)).toBe('2025-01-27');
    expect(real.addWorkingDays('2025-01-24', 1)).toBe('2025-02-03');
  });

  it('a swapped Saturday is a working day and counts', () => {
    const plain = createWorkingCalendar();
    const real = createWorkingCalendar([OVERRIDES_2024]);
    expect(real.isWorkingDay('2024-05-04')).toBe(true);
    expect(real.dayOffReason('2024-05-04')).toBeNull();
    expect(real.dayInfo('2024-05-04')).toMatchObject({ kind: 'swapped_working', label: 'Làm bù cho thứ Hai 29/4/2024' });
    expect(real.dayOffReason('2024-04-29')).toBe('Nghỉ hoán đổi (làm bù thứ Bảy 04/5/2024)');
    // Friday 3/5 + 1 working day
    expect(plain.addWorkingDays('2024-05-03', 1)).toBe('2024-05-06');
    expect(real.addWorkingDays('2024-05-03', 1)).toBe('2024-05-04');
    // Friday 26/4 → Thursday 2/5: plain has 29/4 only (30/4, 1/5 holidays); real has none of those but nothing before 2/5
    expect(plain.workingDaysBetween('2024-04-26', '2024-05-02')).toBe(2);
    expect(real.workingDaysBetween('2024-04-26', '2024-05-02')).toBe(1);
    expect(real.workingDaysBetween('2024-04-26', '2024-05-06')).toBe(4);
  });

  it('lists the special days of a year', () => {
    const real = createWorkingCalendar([OVERRIDES_2024]);
    const special = real.specialDays(2024).filter((d) => d.date >= '2024-04-01' && d.date <= '2024-05-31');
    expect(special.map((d) => [d.date, d.kind])).toEqual([
      ['2024-04-18', 'holiday'],
      ['2024-04-29', 'override_off'],
      ['2024-04-30', 'holiday'],
      ['2024-05-01', 'holiday'],
      ['2024-05-04', 'swapped_working'],
    ]);
  });

  it('rejects an invalid table', () => {
    expect(() =>
      createWorkingCalendar([{ year: 2026, daysOff: [{ date: '2027-01-01', name: 'x' }], notOff: [], workingDays: [] }]),
    ).toThrow(/không thuộc năm 2026/);
  });

  it('is not affected by later edits to the caller’s table', () => {
    const table: YearOverrides = { year: 2026, daysOff: [], notOff: [], workingDays: [] };
    const cal = createWorkingCalendar([table]);
    table.daysOff.push({ date: '2026-03-10', name: 'x' });
    expect(cal.isWorkingDay('2026-03-10')).toBe(true);
  });
});

describe('working-day arithmetic', () => {
  const cal = createWorkingCalendar(KNOWN_OVERRIDES);

  it('addWorkingDays skips weekends and Tết; n = 0 is the same day; negative goes back', () => {
    expect(cal.addWorkingDays('2026-02-12', 1)).toBe('2026-02-13');
    expect(cal.addWorkingDays('2026-02-12', 2)).toBe('2026-02-23');
    expect(cal.addWorkingDays('2026-02-12', 0)).toBe('2026-02-12');
    expect(cal.addWorkingDays('2026-02-23', -1)).toBe('2026-02-13');
    expect(cal.addWorkingDays('2026-02-23', -2)).toBe('2026-02-12');
    expect(() => cal.addWorkingDays('2026-02-23', 1.5)).toThrow(RangeError);
  });

  it('next / previous working day', () => {
    expect(cal.nextWorkingDay('2026-02-13')).toBe('2026-02-23');
    expect(cal.previousWorkingDay('2026-02-23')).toBe('2026-02-13');
    expect(cal.workingDayOnOrAfter('2026-02-17')).toBe('2026-02-23');
    expect(cal.workingDayOnOrAfter('2026-02-13')).toBe('2026-02-13');
    expect(cal.workingDayOnOrBefore('2026-02-17')).toBe('2026-02-13');
  });

  it('workingDaysBetween counts (a, b] and is antisymmetric', () => {
    expect(cal.workingDaysBetween('2026-03-09', '2026-03-09')).toBe(0);
    expect(cal.workingDaysBetween('2026-03-06', '2026-03-09')).toBe(1); // Fri → Mon
    expect(cal.workingDaysBetween('2026-03-09', '2026-03-06')).toBe(-1);
    // February 2026: 20 weekdays (1/2 is a Sunday) − 5 weekdays of Tết (16–20/2)
    expect(cal.workingDaysBetween('2026-01-31', '2026-02-28')).toBe(15);
    expect(cal.workingDaysBetween('2026-02-28', '2026-01-31')).toBe(-15);
  });

  it('counts across years: 2025 has 250 working days by default', () => {
    // 261 weekdays − 1/1, Tết 28–31/1 (4 weekdays), compensatory 3/2, Giỗ Tổ 7/4, 30/4, 1/5, 1/9, 2/9 = 261 − 11
    expect(cal.workingDaysBetween('2024-12-31', '2025-12-31')).toBe(250);
  });

  it('addWorkingDays and workingDaysBetween are inverse over many dates and spans', () => {
    for (let d = '2025-12-01'; d <= '2026-12-31'; d = addDays(d, 7)) {
      for (const n of [1, 5, 15, 60, 200]) {
        const to = cal.addWorkingDays(d, n);
        expect(cal.isWorkingDay(to)).toBe(true);
        expect(cal.workingDaysBetween(d, to)).toBe(n);
      }
    }
    // Backwards the inverse holds from a working day (the interval is (to, d] and d counts).
    for (let d = '2025-12-01'; d <= '2026-12-31'; d = cal.addWorkingDays(d, 4)) {
      for (const n of [-1, -3, -40]) {
        expect(cal.workingDaysBetween(d, cal.addWorkingDays(d, n))).toBe(n);
      }
    }
  });

  it('is fast: 20,000 deadlines in well under a second', () => {
    const started = performance.now();
    for (let i = 0; i < 20_000; i++) cal.addWorkingDays(addDays('2025-01-01', i % 700), 15);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('rejects malformed dates', () => {
    expect(() => cal.isWorkingDay('2026-2-1')).toThrow(RangeError);
    expect(() => cal.isWorkingDay('2026-02-29')).toThrow(RangeError);
  });
});

describe('todayInVietnam', () => {
  it('uses UTC+7 regardless of the server time zone', () => {
    expect(todayInVietnam(new Date('2026-02-16T16:59:59Z'))).toBe('2026-02-16');
    expect(todayInVietnam(new Date('2026-02-16T17:00:00Z'))).toBe('2026-02-17');
    expect(todayInVietnam(new Date('2025-12-31T17:30:00Z'))).toBe('2026-01-01');
    expect(() => todayInVietnam(new Date('nope'))).toThrow(RangeError);
  });
});
