import { describe, expect, it } from 'vitest';
import { createWorkingCalendar } from './calendar.ts';
import { weekday } from './dates.ts';
import {
  computeDeadline,
  computeDeadlineBefore,
  daysOverdue,
  DEADLINE_STATUS_LABELS,
  deadlineStatus,
  explainDeadline,
  explainDeadlineBefore,
} from './deadline.ts';
import type { DeadlineRule } from './deadline.ts';
import { KNOWN_OVERRIDES } from './holidays.ts';

const cal = createWorkingCalendar(KNOWN_OVERRIDES);
const days = (value: number, anchor = 'dispatch_received'): DeadlineRule => ({ value, unit: 'days', anchor });
const workingDays = (value: number, anchor = 'meeting_held'): DeadlineRule => ({ value, unit: 'working_days', anchor });

describe('computeDeadline: periods in days (Bộ luật Dân sự 2015, Điều 147–148)', () => {
  it('starts the day after the event: 1 day after Monday is Tuesday', () => {
    expect(computeDeadline('2026-03-09', days(1), cal)).toBe('2026-03-10');
  });

  it('60 days whose last day is a Sunday move to Monday', () => {
    // 31/12/2025 + 60 days = Sunday 01/03/2026
    const r = explainDeadline('2025-12-31', days(60), cal);
    expect(r.nominalDate).toBe('2026-03-01');
    expect(weekday(r.nominalDate)).toBe(0);
    expect(r.movedBecause).toBe('Chủ nhật');
    expect(r.due).toBe('2026-03-02');
  });

  it('60 days ending on a working day are not moved', () => {
    const r = explainDeadline('2026-01-05', days(60), cal);
    expect(r).toMatchObject({ nominalDate: '2026-03-06', due: '2026-03-06', movedBecause: null });
  });

  it('a period ending inside Tết 2026 moves past the whole of Tết', () => {
    // 18/01 + 30 days = 17/02/2026 (mùng 1 Tết); Tết for public servants runs to Sunday 22/02.
    const r = explainDeadline('2026-01-18', days(30), cal);
    expect(r.nominalDate).toBe('2026-02-17');
    expect(r.movedBecause).toBe('Tết Nguyên đán');
    expect(r.due).toBe('2026-02-23');
    // Ending on the first Saturday of the Tết break (14/02) also lands on 23/02.
    expect(computeDeadline('2026-01-15', days(30), cal)).toBe('2026-02-23');
  });

  it('a period ending on a compensatory day moves past it', () => {
    // 2028: 30/4 Sunday, 1/5 Monday holiday, 2/5 Tuesday compensatory → Wednesday 3/5
    const plain = createWorkingCalendar();
    const r = explainDeadline('2028-04-01', days(30), plain);
    expect(r.nominalDate).toBe('2028-05-01');
    expect(r.due).toBe('2028-05-03');
  });

  it('a period ending on a swapped working Saturday ends that Saturday', () => {
    const swapped = createWorkingCalendar([
      { year: 2024, daysOff: [{ date: '2024-04-29', name: 'Nghỉ hoán đổi' }], notOff: [], workingDays: [{ date: '2024-05-04', name: 'Làm bù' }] },
    ]);
    expect(computeDeadline('2024-04-24', days(10), swapped)).toBe('2024-05-04');
    expect(computeDeadline('2024-04-24', days(10), createWorkingCalendar())).toBe('2024-05-06');
  });

  it('0 days: the same day, moved off a day off', () => {
    expect(computeDeadline('2026-03-09', days(0), cal)).toBe('2026-03-09');
    expect(computeDeadline('2026-03-07', days(0), cal)).toBe('2026-03-09');
  });
});

describe('computeDeadline: periods in working days', () => {
  it('5 working days after a Thursday meeting end the next Thursday', () => {
    expect(computeDeadline('2026-03-05', workingDays(5), cal)).toBe('2026-03-12');
  });

  it('an event on a Saturday: counting starts on Monday', () => {
    expect(computeDeadline('2026-03-07', workingDays(1), cal)).toBe('2026-03-09');
  });

  it('across Tết 2026 with the real override (14–22/02 off)', () => {
    // Thursday 12/02: Fri 13 (1), Tết 14–22, Mon 23 (2), Tue 24 (3), Wed 25 (4), Thu 26 (5)
    expect(computeDeadline('2026-02-12', workingDays(5), cal)).toBe('2026-02-26');
    // 15 working days (publication of results, NQLT 72/2025 Điều 51) from 05/02/2026
    // Fri 6, 9–13 (6), Tết, 23–27 (11), 2–5/3 (15)
    expect(computeDeadline('2026-02-05', workingDays(15), cal)).toBe('2026-03-05');
  });

  it('a swapped working Saturday counts as a working day', () => {
    const swapped = createWorkingCalendar([
      { year: 2024, daysOff: [{ date: '2024-04-29', name: 'Nghỉ hoán đổi' }], notOff: [], workingDays: [{ date: '2024-05-04', name: 'Làm bù' }] },
    ]);
    // Thursday 2/5/2024: Fri 3 (1), Sat 4 swapped (2), Mon 6 (3)
    expect(computeDeadline('2024-05-02', workingDays(3), swapped)).toBe('2024-05-06');
    expect(computeDeadline('2024-05-02', workingDays(3), createWorkingCalendar())).toBe('2024-05-07');
  });

  it('days and working days give different results for the same value', () => {
    expect(computeDeadline('2026-03-02', days(10), cal)).toBe('2026-03-12');
    expect(computeDeadline('2026-03-02', workingDays(10), cal)).toBe('2026-03-16');
  });

  it('rejects invalid rules', () => {
    expect(() => computeDeadline('2026-03-02', days(-1), cal)).toThrow(RangeError);
    expect(() => computeDeadline('2026-03-02', days(1.5), cal)).toThrow(RangeError);
    expect(() => computeDeadline('2026-03-02', { value: 1, unit: 'weeks' as 'days', anchor: 'x' }, cal)).toThrow(RangeError);
    expect(() => computeDeadline('2026-03-02', { value: 1, unit: 'days', anchor: ' ' }, cal)).toThrow(RangeError);
  });
});

describe('computeDeadlineBefore: "N days before the session opens"', () => {
  const before = (value: number): DeadlineRule => ({ value, unit: 'days', anchor: 'session_opening' });

  it('7 days before a Wednesday opening is the previous Wednesday', () => {
    expect(computeDeadlineBefore('2026-07-15', before(7), cal)).toBe('2026-07-08');
  });

  it('a deadline falling on a Saturday moves EARLIER to Friday', () => {
    // opening Thursday 16/07/2026, 5 days before = Saturday 11/07
    const r = explainDeadlineBefore('2026-07-16', before(5), cal);
    expect(r).toMatchObject({ nominalDate: '2026-07-11', movedBecause: 'Thứ Bảy', due: '2026-07-10' });
  });

  it('moves before a run of holidays (Quốc khánh 2026: 1–2/9 by default)', () => {
    // opening Monday 07/09/2026, 5 days before = Wednesday 02/09 → Monday 31/08
    expect(computeDeadlineBefore('2026-09-07', before(5), cal)).toBe('2026-08-31');
  });

  it('in working days: the N-th working day before the event', () => {
    expect(computeDeadlineBefore('2026-07-13', { value: 5, unit: 'working_days', anchor: 'session_opening' }, cal)).toBe('2026-07-06');
    // Opening Wednesday 25/02/2026 right after Tết: Tue 24 (1), Mon 23 (2), Tết, Fri 13 (3)
    expect(computeDeadlineBefore('2026-02-25', { value: 3, unit: 'working_days', anchor: 'session_opening' }, cal)).toBe('2026-02-13');
  });
});

describe('deadline status (computed, never stored)', () => {
  // due Friday 20/03/2026
  const due = '2026-03-20';

  it('on track with more than 5 working days left', () => {
    expect(deadlineStatus(due, '2026-03-12', cal)).toBe('on_track'); // 13, 16–20: 6 working days left
  });

  it('due soon with 5 or fewer working days left, including the due date itself', () => {
    expect(deadlineStatus(due, '2026-03-13', cal)).toBe('due_soon'); // 16–20: 5 left
    expect(deadlineStatus(due, '2026-03-19', cal)).toBe('due_soon');
    expect(deadlineStatus(due, due, cal)).toBe('due_soon');
  });

  it('due-soon counts working days, so Tết stretches the window', () => {
    // due Wednesday 25/02/2026; on 11/02 the working days left are 12, 13, 23, 24, 25 → due soon
    expect(deadlineStatus('2026-02-25', '2026-02-11', cal)).toBe('due_soon');
    expect(deadlineStatus('2026-02-25', '2026-02-10', cal)).toBe('on_track');
  });

  it('overdue from the day after the due date; long overdue from 30 days', () => {
    expect(deadlineStatus(due, '2026-03-21', cal)).toBe('overdue');
    expect(deadlineStatus(due, '2026-04-18', cal)).toBe('overdue'); // 29 days
    expect(deadlineStatus(due, '2026-04-19', cal)).toBe('long_overdue'); // 30 days
  });

  it('thresholds are configurable', () => {
    expect(deadlineStatus(due, '2026-03-12', cal, { dueSoonWorkingDays: 10 })).toBe('due_soon');
    expect(deadlineStatus(due, '2026-03-13', cal, { dueSoonWorkingDays: 2 })).toBe('on_track');
    expect(deadlineStatus(due, '2026-03-26', cal, { longOverdueDays: 7 })).toBe('overdue'); // 6 days
    expect(deadlineStatus(due, '2026-03-27', cal, { dueSoonWorkingDays: 5, longOverdueDays: 7 })).toBe('long_overdue');
    expect(() => deadlineStatus(due, '2026-03-27', cal, { longOverdueDays: 0 })).toThrow(RangeError);
  });

  it('daysOverdue counts calendar days after the due date', () => {
    expect(daysOverdue(due, '2026-03-10')).toBe(0);
    expect(daysOverdue(due, due)).toBe(0);
    expect(daysOverdue(due, '2026-03-21')).toBe(1);
    expect(daysOverdue(due, '2026-04-19')).toBe(30);
  });

  it('has Vietnamese labels for every status', () => {
    expect(DEADLINE_STATUS_LABELS).toEqual({
      on_track: 'Trong hạn',
      due_soon: 'Sắp đến hạn',
      overdue: 'Quá hạn',
      long_overdue: 'Quá hạn kéo dài',
    });
  });
});
