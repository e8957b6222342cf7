import { describe, expect, it } from 'vitest';
import { dateRange, dayRuns, defaultHolidays, KNOWN_OVERRIDES, nationalDayAdjacentDate, statutoryHolidays, validateOverrides } from './holidays.ts';
import type { Holiday } from './holidays.ts';

const pick = (list: Holiday[]) => list.map((h) => [h.date, h.name]);

describe('statutory holidays (Bộ luật Lao động 2019, Điều 112)', () => {
  it('2026: eleven days with Vietnamese names', () => {
    expect(pick(statutoryHolidays(2026))).toEqual([
      ['2026-01-01', 'Tết Dương lịch'],
      ['2026-02-16', 'Tết Nguyên đán'], // 29 tháng Chạp (the month has 29 days)
      ['2026-02-17', 'Tết Nguyên đán'], // mùng 1
      ['2026-02-18', 'Tết Nguyên đán'],
      ['2026-02-19', 'Tết Nguyên đán'],
      ['2026-02-20', 'Tết Nguyên đán'], // mùng 4
      ['2026-04-26', 'Giỗ Tổ Hùng Vương'],
      ['2026-04-30', 'Ngày Chiến thắng'],
      ['2026-05-01', 'Ngày Quốc tế Lao động'],
      ['2026-09-01', 'Quốc khánh'],
      ['2026-09-02', 'Quốc khánh'],
    ]);
  });

  it('before the 2019 Code took effect (2021), Quốc khánh was one day', () => {
    const sep = statutoryHolidays(2020).filter((h) => h.date.startsWith('2020-09'));
    expect(pick(sep)).toEqual([['2020-09-02', 'Quốc khánh']]);
  });

  it('Quốc khánh adjacent day reproduces the 2021–2025 decisions', () => {
    expect(nationalDayAdjacentDate(2021)).toBe('2021-09-03'); // 2/9 Thursday → Friday 3/9
    expect(nationalDayAdjacentDate(2022)).toBe('2022-09-01'); // 2/9 Friday → Thursday 1/9
    expect(nationalDayAdjacentDate(2023)).toBe('2023-09-01'); // 2/9 Saturday → Friday 1/9
    expect(nationalDayAdjacentDate(2024)).toBe('2024-09-03'); // 2/9 Monday → Tuesday 3/9
    expect(nationalDayAdjacentDate(2025)).toBe('2025-09-01'); // 2/9 Tuesday → Monday 1/9
  });
});

describe('compensatory days (Bộ luật Lao động 2019, Điều 111 khoản 3)', () => {
  it('2023: Giỗ Tổ on Saturday and 30/4 on Sunday, 1/5 Monday → days off on 2/5 and 3/5', () => {
    const spring = defaultHolidays(2023).filter((h) => h.date >= '2023-04-01' && h.date <= '2023-05-31');
    expect(spring.map((h) => [h.date, h.name, h.kind])).toEqual([
      ['2023-04-29', 'Giỗ Tổ Hùng Vương', 'holiday'],
      ['2023-04-30', 'Ngày Chiến thắng', 'holiday'],
      ['2023-05-01', 'Ngày Quốc tế Lao động', 'holiday'],
      ['2023-05-02', 'Nghỉ bù Giỗ Tổ Hùng Vương', 'compensatory'],
      ['2023-05-03', 'Nghỉ bù Ngày Chiến thắng', 'compensatory'],
    ]);
  });

  it('2023: 2/9 on Saturday → Monday 4/9 off (the real 2023 calendar: 1/9–4/9)', () => {
    const sep = defaultHolidays(2023).filter((h) => h.date.startsWith('2023-09'));
    expect(pick(sep)).toEqual([
      ['2023-09-01', 'Quốc khánh'],
      ['2023-09-02', 'Quốc khánh'],
      ['2023-09-04', 'Nghỉ bù Quốc khánh'],
    ]);
  });

  it('2029: 1/9 and 2/9 both on the weekend → Monday and Tuesday off', () => {
    const sep = defaultHolidays(2029).filter((h) => h.date.startsWith('2029-09'));
    expect(sep.filter((h) => h.kind === 'compensatory').map((h) => h.date)).toEqual(['2029-09-03', '2029-09-04']);
  });

  it('1/1 on a Saturday (2028) → Monday 3/1', () => {
    const jan = defaultHolidays(2028).filter((h) => h.date < '2028-01-10');
    expect(pick(jan)).toEqual([
      ['2028-01-01', 'Tết Dương lịch'],
      ['2028-01-03', 'Nghỉ bù Tết Dương lịch'],
    ]);
  });

  it('no compensatory day when no holiday falls on a weekend (2024 spring)', () => {
    expect(defaultHolidays(2024).filter((h) => h.kind === 'compensatory' && h.date > '2024-03-01')).toEqual([]);
  });

  it('two holidays on the same date are merged into one entry', () => {
    // Find the years in which Giỗ Tổ coincides with 30/4 or 1/5 and check there is no duplicate date.
    for (let y = 1990; y <= 2100; y++) {
      const dates = defaultHolidays(y).map((h) => h.date);
      expect(new Set(dates).size).toBe(dates.length);
    }
  });
});

describe('override table validation', () => {
  it('accepts the known 2026 Tết decision', () => {
    expect(validateOverrides(KNOWN_OVERRIDES)).toEqual([]);
    expect(KNOWN_OVERRIDES[0]!.daysOff.map((d) => d.date)).toEqual([
      '2026-02-14',
      '2026-02-15',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-02-21',
      '2026-02-22',
    ]);
  });

  it('reports bad dates, dates outside the year, conflicts and duplicate years', () => {
    const problems = validateOverrides([
      { year: 2025, daysOff: [{ date: '2025-02-30', name: 'x' }], notOff: ['2026-01-01'], workingDays: [] },
      { year: 2024, daysOff: [{ date: '2024-04-29', name: 'Nghỉ' }], notOff: [], workingDays: [{ date: '2024-04-29', name: 'Làm bù' }] },
      { year: 2024, daysOff: [], notOff: [], workingDays: [] },
    ]);
    expect(problems).toHaveLength(4);
    expect(problems.join('\n')).toMatch(/2025-02-30/);
    expect(problems.join('\n')).toMatch(/không thuộc năm 2025/);
    expect(problems.join('\n')).toMatch(/vừa thuộc/);
    expect(problems.join('\n')).toMatch(/nhiều lần/);
  });
});

describe('dayRuns', () => {
  it('joins consecutive days of one name, in date order; a gap or another name starts a new run', () => {
    const tet = dateRange('2026-02-14', '2026-02-22').map((date) => ({ date, name: 'Tết Nguyên đán' }));
    const days = [{ date: '2026-04-27', name: 'Nghỉ bù Giỗ Tổ' }, ...tet.reverse(), { date: '2026-02-23', name: 'Nghỉ bù' }, { date: '2026-02-25', name: 'Nghỉ bù' }, { date: '', name: 'chưa chọn ngày' }];
    expect(dayRuns(days)).toEqual([
      { from: '2026-02-14', to: '2026-02-22', name: 'Tết Nguyên đán', days: 9 },
      { from: '2026-02-23', to: '2026-02-23', name: 'Nghỉ bù', days: 1 },
      { from: '2026-02-25', to: '2026-02-25', name: 'Nghỉ bù', days: 1 },
      { from: '2026-04-27', to: '2026-04-27', name: 'Nghỉ bù Giỗ Tổ', days: 1 },
    ]);
  });
  it('runs across a month and a year end, and gives nothing for nothing', () => {
    expect(dayRuns([{ date: '2026-12-31', name: 'A' }, { date: '2027-01-01', name: 'A' }])).toEqual([{ from: '2026-12-31', to: '2027-01-01', name: 'A', days: 2 }]);
    expect(dayRuns([])).toEqual([]);
  });
});
