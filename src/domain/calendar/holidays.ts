/**
 * Public holidays (ngày nghỉ lễ, tết) and the yearly override table.
 *
 * The law fixes most holidays but leaves the exact Tết and Quốc khánh days to a yearly decision
 * of the Prime Minister, and the Ministry of Home Affairs announces swapped working days each
 * year. So this module computes DEFAULTS from the law, and the real calendar of a year is
 * `defaults + YearOverrides` (data an administrator edits; stored by the DB layer).
 */
import { dayNumberFromParts, fromDayNumber, isIsoDate, toDayNumber, weekdayOfDayNumber } from './dates.ts';
import { lunarToSolar } from './lunar.ts';

/** Vietnamese names of the statutory holidays (user-facing). */
export const HOLIDAY_NAMES = {
  newYear: 'Tết Dương lịch',
  lunarNewYear: 'Tết Nguyên đán',
  hungKings: 'Giỗ Tổ Hùng Vương',
  victoryDay: 'Ngày Chiến thắng',
  labourDay: 'Ngày Quốc tế Lao động',
  nationalDay: 'Quốc khánh',
} as const;

/** Prefix of a compensatory day's name: "Nghỉ bù Quốc khánh". */
export const COMPENSATORY_PREFIX = 'Nghỉ bù';

/** 'holiday' = a statutory day off; 'compensatory' = the working day given for a holiday on a rest day. */
export type HolidayKind = 'holiday' | 'compensatory';

export type Holiday = {
  date: string;
  /** Vietnamese name shown to users. */
  name: string;
  kind: HolidayKind;
  /** For a compensatory day, the holiday it compensates for. */
  compensatesFor?: string;
};

/** A dated entry in the override table. `name` is Vietnamese and shown to users. */
export type DayOverride = { date: string; name: string };

/**
 * The administrator-edited table for one year (from the Prime Minister's decision and the
 * Ministry of Home Affairs' notice for that year).
 *  - `daysOff`: extra days off (e.g. Tết 2026 for public servants: 14/02–22/02/2026).
 *  - `notOff`: dates the defaults mark as off that are NOT off this year (e.g. a computed
 *    compensatory day the government placed elsewhere).
 *  - `workingDays`: swapped working days (ngày làm bù), typically a Saturday.
 * Every date must lie in `year`; a date may not appear in two lists.
 */
export type YearOverrides = {
  year: number;
  daysOff: DayOverride[];
  notOff: string[];
  workingDays: DayOverride[];
  /** Where the data comes from, e.g. "Công văn 1234/BNV-CVL ngày …" (not used in computation). */
  source?: string;
};

/** Bộ luật Lao động 2019 (Luật 45/2019/QH14) took effect on 01/01/2021. */
const LABOUR_CODE_2019_FIRST_YEAR = 2021;

/**
 * The day the defaults give next to Quốc khánh (2/9).
 *
 * Bộ luật Lao động 2019, Điều 112 khoản 1 điểm đ: "Quốc khánh: 02 ngày (ngày 02 tháng 9 dương
 * lịch và 01 ngày liền kề trước hoặc sau)"; khoản 3: "Hằng năm, căn cứ vào điều kiện thực tế,
 * Thủ tướng Chính phủ quyết định cụ thể ngày nghỉ quy định tại điểm b và điểm đ khoản 1 Điều này."
 *
 * The adjacent day is chosen each year; this default reproduces the decisions of 2021–2025 by
 * joining the holiday to a weekend where possible:
 *  - 2/9 on Monday → 3/9 (1/9 would be a Sunday)             [2024: 2/9 + 3/9]
 *  - 2/9 on Thursday → 3/9 (a Friday: four days with the weekend) [2021: 2/9 + 3/9]
 *  - any other weekday → 1/9                                  [2022 Fri, 2023 Sat, 2025 Tue: 1/9 + 2/9]
 *  - Wednesday and Sunday have no precedent under the 2019 Code; 1/9 by convention (for a
 *    Sunday this gives compensatory days on Monday 3/9 and Tuesday 4/9 either way).
 * The real day is data: put it in YearOverrides when the decision differs.
 */
export function nationalDayAdjacentDate(year: number): string {
  const wd = weekdayOfDayNumber(dayNumberFromParts(year, 9, 2));
  return wd === 1 || wd === 4 ? fromDayNumber(dayNumberFromParts(year, 9, 3)) : fromDayNumber(dayNumberFromParts(year, 9, 1));
}

/**
 * The statutory holidays of `year` as defaults, WITHOUT compensatory days.
 *
 * Bộ luật Lao động 2019, Điều 112 khoản 1: "Người lao động được nghỉ làm việc, hưởng nguyên
 * lương trong những ngày lễ, tết sau đây:
 *   a) Tết Dương lịch: 01 ngày (ngày 01 tháng 01 dương lịch);
 *   b) Tết Âm lịch: 05 ngày;
 *   c) Ngày Chiến thắng: 01 ngày (ngày 30 tháng 4 dương lịch);
 *   d) Ngày Quốc tế lao động: 01 ngày (ngày 01 tháng 5 dương lịch);
 *   đ) Quốc khánh: 02 ngày (ngày 02 tháng 9 dương lịch và 01 ngày liền kề trước hoặc sau);
 *   e) Ngày Giỗ Tổ Hùng Vương: 01 ngày (ngày 10 tháng 3 âm lịch)."
 *
 * Defaults chosen where the law leaves the choice to the Prime Minister (khoản 3):
 *  - Tết Âm lịch: the last day of the lunar year (29 or 30 tháng Chạp) and mùng 1–4 tháng Giêng.
 *  - Quốc khánh: see `nationalDayAdjacentDate`.
 * Years before 2021 follow Bộ luật Lao động 2012, Điều 115, identical except that Quốc khánh
 * was one day (2/9).
 */
export function statutoryHolidays(year: number): Holiday[] {
  const day = (month: number, d: number) => fromDayNumber(dayNumberFromParts(year, month, d));
  const list: Holiday[] = [{ date: day(1, 1), name: HOLIDAY_NAMES.newYear, kind: 'holiday' }];

  // Tết falls between 21/01 and 20/02, so all five days are in the same solar year.
  const tet = toDayNumber(lunarToSolar(1, 1, year));
  for (let i = -1; i <= 3; i++) {
    list.push({ date: fromDayNumber(tet + i), name: HOLIDAY_NAMES.lunarNewYear, kind: 'holiday' });
  }
  list.push({ date: lunarToSolar(10, 3, year), name: HOLIDAY_NAMES.hungKings, kind: 'holiday' });
  list.push({ date: day(4, 30), name: HOLIDAY_NAMES.victoryDay, kind: 'holiday' });
  list.push({ date: day(5, 1), name: HOLIDAY_NAMES.labourDay, kind: 'holiday' });
  list.push({ date: day(9, 2), name: HOLIDAY_NAMES.nationalDay, kind: 'holiday' });
  if (year >= LABOUR_CODE_2019_FIRST_YEAR) {
    list.push({ date: nationalDayAdjacentDate(year), name: HOLIDAY_NAMES.nationalDay, kind: 'holiday' });
  }
  return sortAndMerge(list);
}

/**
 * Two holidays may fall on the same date (e.g. Giỗ Tổ on 30/4 or 1/5). The law gives no extra
 * day for that; we keep one entry, joining the names.
 */
function sortAndMerge(list: Holiday[]): Holiday[] {
  const byDate = new Map<string, Holiday>();
  for (const h of list) {
    const existing = byDate.get(h.date);
    if (!existing) byDate.set(h.date, { ...h });
    else if (!existing.name.split(', ').includes(h.name)) existing.name = `${existing.name}, ${h.name}`;
  }
  return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

function isWeekend(dayNumber: number): boolean {
  const wd = weekdayOfDayNumber(dayNumber);
  return wd === 0 || wd === 6;
}

/**
 * Default holidays of `year`: the statutory holidays plus compensatory days.
 *
 * Bộ luật Lao động 2019, Điều 111 khoản 3 (the rule sits in the article on weekly rest, not in
 * Điều 112): "Nếu ngày nghỉ hằng tuần trùng với ngày nghỉ lễ, tết quy định tại khoản 1 Điều 112
 * của Bộ luật này thì người lao động được nghỉ bù ngày nghỉ hằng tuần vào ngày làm việc kế tiếp."
 *
 * For public servants the weekly rest days are Saturday and Sunday (Quyết định 188/1999/QĐ-TTg,
 * 40-hour week). So each holiday on a Saturday or Sunday gives one compensatory day: the next
 * Monday–Friday that is neither a holiday nor already a compensatory day, taken in date order
 * (e.g. 30/4 on Sunday: 1/5 Monday is itself a holiday, so the day off is Tuesday 2/5).
 *
 * Overrides are NOT taken into account here: they are applied on top by the calendar.
 */
export function defaultHolidays(year: number): Holiday[] {
  if (!Number.isInteger(year)) throw new RangeError(`Invalid year ${year}`);
  const statutory = statutoryHolidays(year);
  const taken = new Set(statutory.map((h) => toDayNumber(h.date)));
  const result: Holiday[] = [...statutory];
  for (const h of statutory) {
    const dn = toDayNumber(h.date);
    if (!isWeekend(dn)) continue;
    let c = dn + 1;
    while (isWeekend(c) || taken.has(c)) c++;
    taken.add(c);
    result.push({
      date: fromDayNumber(c),
      name: `${COMPENSATORY_PREFIX} ${h.name}`,
      kind: 'compensatory',
      compensatesFor: h.date,
    });
  }
  return result.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** An empty override table for `year`. */
export function emptyOverrides(year: number): YearOverrides {
  return { year, daysOff: [], notOff: [], workingDays: [] };
}

/**
 * Check an override table. Returns a list of problems in Vietnamese (empty = valid), so the
 * administration screen can show them as they are.
 */
export function validateOverrides(overrides: readonly YearOverrides[]): string[] {
  const problems: string[] = [];
  const years = new Set<number>();
  for (const o of overrides) {
    if (!Number.isInteger(o.year)) {
      problems.push(`Năm không hợp lệ: ${String(o.year)}`);
      continue;
    }
    if (years.has(o.year)) problems.push(`Năm ${o.year} được khai báo nhiều lần`);
    years.add(o.year);
    const seen = new Map<string, string>();
    const check = (date: string, list: string) => {
      if (!isIsoDate(date)) {
        problems.push(`Năm ${o.year}: ngày không hợp lệ "${date}" (${list})`);
        return;
      }
      if (Number(date.slice(0, 4)) !== o.year) {
        problems.push(`Năm ${o.year}: ngày ${date} không thuộc năm ${o.year} (${list})`);
      }
      const prev = seen.get(date);
      if (prev !== undefined) {
        problems.push(
          prev === list
            ? `Năm ${o.year}: ngày ${date} bị khai báo trùng (${list})`
            : `Năm ${o.year}: ngày ${date} vừa thuộc "${prev}" vừa thuộc "${list}"`,
        );
      }
      seen.set(date, list);
    };
    for (const d of o.daysOff) {
      check(d.date, 'ngày nghỉ');
      if (!d.name || !d.name.trim()) problems.push(`Năm ${o.year}: ngày nghỉ ${d.date} chưa có tên`);
    }
    for (const d of o.notOff) check(d, 'không nghỉ');
    for (const d of o.workingDays) check(d.date, 'ngày làm bù');
  }
  return problems;
}

/**
 * Known official decisions, ready to seed the override table. Only entries verified in
 * /work/shared/domain/rules.md belong here.
 */
export const KNOWN_OVERRIDES: readonly YearOverrides[] = [
  {
    year: 2026,
    // Tết Bính Ngọ: public servants off from Saturday 14/02 to Sunday 22/02/2026 (rules.md, VERIFIED).
    daysOff: dateRange('2026-02-14', '2026-02-22').map((date) => ({ date, name: HOLIDAY_NAMES.lunarNewYear })),
    notOff: [],
    workingDays: [],
    source: 'Tết Bính Ngọ 2026: cán bộ, công chức, viên chức nghỉ từ 14/02 đến hết 22/02/2026',
  },
];

/** All dates from `from` to `to`, inclusive. */
export function dateRange(from: string, to: string): string[] {
  const a = toDayNumber(from);
  const b = toDayNumber(to);
  const out: string[] = [];
  for (let d = a; d <= b; d++) out.push(fromDayNumber(d));
  return out;
}

/** A run of consecutive days under one name: Tết's nine days off are one line, not nine. */
export type DayRun = { from: string; to: string; name: string; days: number };

/** The days (in any order; invalid dates left out) as runs of consecutive days with the same name, in date order. */
export function dayRuns(days: readonly DayOverride[]): DayRun[] {
  const sorted = days.filter((d) => isIsoDate(d.date)).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const runs: DayRun[] = [];
  for (const d of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.name === d.name && toDayNumber(d.date) === toDayNumber(last.to) + 1) {
      last.to = d.date;
      last.days++;
    } else runs.push({ from: d.date, to: d.date, name: d.name, days: 1 });
  }
  return runs;
}
