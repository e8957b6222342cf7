import { describe, expect, it } from 'vitest';
import { createWorkingCalendar, KNOWN_OVERRIDES, weekday } from '../calendar/index.ts';
import type { YearOverrides } from '../calendar/index.ts';
import { dueDateOf, stepOfDocument } from './dueDates.ts';
import { ruleError } from './testSupport.ts';
import { defaultSessionRuleSets, ruleSetInForce } from './profile.ts';
import type { LeadTimeRule, LeadTimeStep, SessionProfile } from './profile.ts';

const cal = createWorkingCalendar(KNOWN_OVERRIDES);
const known = { from: 2025, to: 2026 };
const base = defaultSessionRuleSets('province')[1]!.profile;

function rule(value: number, unit: LeadTimeRule['unit'], direction: LeadTimeRule['direction'] = 'before'): LeadTimeRule {
  return { value, unit, anchor: 'session_opening', direction, verified: false, source: 'Mặc định chưa kiểm chứng' };
}
function withRule(step: LeadTimeStep, r: LeadTimeRule | null): SessionProfile {
  return { ...base, leadTimes: { ...base.leadTimes, [step]: r } };
}

describe('stepOfDocument', () => {
  it('maps each expected document to its lead-time step', () => {
    expect(stepOfDocument('submission')).toBe('submissionToCommittee');
    expect(stepOfDocument('draftResolution')).toBe('submissionToCommittee');
    expect(stepOfDocument('report')).toBe('submissionToCommittee');
    expect(stepOfDocument('project')).toBe('submissionToCommittee');
    expect(stepOfDocument('verificationReport')).toBe('verificationReport');
    expect(stepOfDocument('responseReport')).toBe('responseReport');
  });
});

describe('dueDateOf across Tết 2026 (public servants off 14/02–22/02/2026)', () => {
  // Session opening Tuesday 24/02/2026, the second working day after Tết.
  const opening = '2026-02-24';

  it('7 days before lands on 17/02 (Tết) and moves EARLIER to Friday 13/02', () => {
    const r = dueDateOf('documentsToDelegates', opening, base, cal, known)!;
    expect(r.nominalDate).toBe('2026-02-17');
    expect(r.movedBecause).toBe('Tết Nguyên đán');
    expect(r.due).toBe('2026-02-13');
    expect(weekday(r.due)).toBe(5);
  });

  it('5 working days before skips the whole of Tết: 23/02, 13/02, 12/02, 11/02, 10/02', () => {
    const r = dueDateOf('documentsToDelegates', opening, withRule('documentsToDelegates', rule(5, 'working_days')), cal, known)!;
    expect(r).toMatchObject({ nominalDate: '2026-02-10', due: '2026-02-10', movedBecause: null });
  });

  it('days and working days differ: 5 days before is Thursday 19/02 (Tết) → 13/02', () => {
    const r = dueDateOf('documentsToDelegates', opening, withRule('documentsToDelegates', rule(5, 'days')), cal, known)!;
    expect(r).toMatchObject({ nominalDate: '2026-02-19', due: '2026-02-13', movedBecause: 'Tết Nguyên đán' });
  });

  it('AFTER the opening counts forward and moves LATER: 3 days after 12/02 is 15/02 (Tết) → Monday 23/02', () => {
    const r = dueDateOf('responseReport', '2026-02-12', withRule('responseReport', rule(3, 'days', 'after')), cal, known)!;
    expect(r).toMatchObject({ anchorDate: '2026-02-12', nominalDate: '2026-02-15', due: '2026-02-23', movedBecause: 'Tết Nguyên đán' });
  });

  it('3 working days after 12/02 are 13/02, 23/02, 24/02', () => {
    const r = dueDateOf('responseReport', '2026-02-12', withRule('responseReport', rule(3, 'working_days', 'after')), cal, known)!;
    expect(r.due).toBe('2026-02-24');
  });

  it('null when the profile has no lead time for the step', () => {
    expect(dueDateOf('jointConference', opening, base, cal, known)).toBeNull();
  });
});

describe('dueDateOf with a swapped Saturday (ngày làm bù)', () => {
  // The 2026 override table plus a swapped working Saturday 14/03/2026 (the Ministry of Home
  // Affairs announces such swaps; this one is a test fixture).
  const tet = KNOWN_OVERRIDES.find((o) => o.year === 2026)!;
  const swapped: YearOverrides = { ...tet, workingDays: [{ date: '2026-03-14', name: 'Làm bù' }] };
  const calSwap = createWorkingCalendar([swapped]);
  const opening = '2026-03-16'; // Monday

  it('2 days before a Monday is Saturday 14/03: a working day with the swap, Friday 13/03 without', () => {
    const p = withRule('documentsToDelegates', rule(2, 'days'));
    expect(weekday('2026-03-14')).toBe(6);
    expect(dueDateOf('documentsToDelegates', opening, p, calSwap, known)).toMatchObject({ due: '2026-03-14', movedBecause: null });
    expect(dueDateOf('documentsToDelegates', opening, p, cal, known)).toMatchObject({ due: '2026-03-13', movedBecause: 'Thứ Bảy' });
  });

  it('1 working day before the Monday is the swapped Saturday', () => {
    const p = withRule('documentsToDelegates', rule(1, 'working_days'));
    expect(dueDateOf('documentsToDelegates', opening, p, calSwap, known)!.due).toBe('2026-03-14');
    expect(dueDateOf('documentsToDelegates', opening, p, cal, known)!.due).toBe('2026-03-13');
  });
});

describe('dueDateOf refuses years the holiday table does not cover', () => {
  it('an opening in 2031 gives the Vietnamese error of the contract', () => {
    const e = ruleError(() => dueDateOf('documentsToDelegates', '2031-03-03', base, cal, known));
    expect(e.code).toBe('calendarYearMissing');
    expect(e.message).toBe(
      'Chưa có lịch ngày nghỉ năm 2031: không tính được hạn "Gửi tài liệu đến đại biểu" của kỳ họp khai mạc ngày 03/03/2031. Đề nghị cập nhật lịch ngày nghỉ năm 2031 trước.',
    );
  });

  it('a count that crosses into an uncovered year is refused for that year', () => {
    // Opening 05/01/2027 with the table covering only 2027: 10 days before is in 2026.
    const p = withRule('documentsToDelegates', rule(10, 'days'));
    const e = ruleError(() => dueDateOf('documentsToDelegates', '2027-01-05', p, cal, { from: 2027, to: 2027 }));
    expect(e.message).toMatch(/^Chưa có lịch ngày nghỉ năm 2026: /);
    expect(dueDateOf('documentsToDelegates', '2027-01-05', p, cal, { from: 2026, to: 2027 })!.due).toBe('2026-12-25');
  });

  it('a step without a lead time needs no calendar: null even in 2031', () => {
    expect(dueDateOf('jointConference', '2031-03-03', base, cal, known)).toBeNull();
  });

  it('an invalid opening date is refused', () => {
    expect(ruleError(() => dueDateOf('documentsToDelegates', '03/03/2026', base, cal, known)).code).toBe('invalidDate');
  });
});

describe('a session keeps the rule set in force when it was convened', () => {
  // The council entered its old Quy chế (10 working days) and its new one (7 days) in 2025.
  const sets = defaultSessionRuleSets('province');
  sets[0]!.profile.leadTimes.documentsToDelegates = rule(10, 'working_days');

  it('convened 20/09/2025, opening 15/10/2025: old rules, 10 working days before → 01/10/2025', () => {
    const set = ruleSetInForce(sets, '2025-09-20');
    expect(dueDateOf('documentsToDelegates', '2025-10-15', set.profile, cal, known)!.due).toBe('2025-10-01');
  });

  it('convened 30/09/2025, same opening: new rules, 7 days before → 08/10/2025', () => {
    const set = ruleSetInForce(sets, '2025-09-30');
    expect(dueDateOf('documentsToDelegates', '2025-10-15', set.profile, cal, known)!.due).toBe('2025-10-08');
  });
});

describe('dueDateOf refuses an unknown step', () => {
  it('even one named like an object member', () => {
    expect(ruleError(() => dueDateOf('toString' as LeadTimeStep, '2026-03-02', base, cal, known)).code).toBe('unknownStep');
  });
});

describe('knownYears as the exact years of the table', () => {
  it('a table for 2026 and 2028 does not cover 2027', () => {
    const e = ruleError(() => dueDateOf('documentsToDelegates', '2027-06-01', base, cal, [2026, 2028]));
    expect(e.message).toMatch(/^Chưa có lịch ngày nghỉ năm 2027: /);
    expect(dueDateOf('documentsToDelegates', '2028-06-01', base, cal, new Set([2026, 2028]))!.due).toBe('2028-05-25');
  });
});

describe('dueDateOf, property style over 2025–2026 (Tết 2026 and a swapped Saturday included)', () => {
  const tet = KNOWN_OVERRIDES.find((o) => o.year === 2026)!;
  const calSwap = createWorkingCalendar([{ ...tet, workingDays: [{ date: '2026-03-14', name: 'Làm bù' }] }]);
  let seed = 7;
  const rand = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const addDays = (d: string, n: number): string => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

  it('N days before: the latest working day on or before opening − N', () => {
    for (let i = 0; i < 400; i++) {
      const opening = addDays('2025-03-01', rand(640));
      const n = rand(30);
      const r = dueDateOf('documentsToDelegates', opening, withRule('documentsToDelegates', rule(n, 'days')), calSwap, known)!;
      expect(r.nominalDate).toBe(addDays(opening, -n));
      expect(calSwap.isWorkingDay(r.due)).toBe(true);
      expect(r.due <= r.nominalDate).toBe(true);
      // Nothing between due and the nominal date is a working day.
      for (let d = addDays(r.due, 1); d <= r.nominalDate; d = addDays(d, 1)) expect(calSwap.isWorkingDay(d)).toBe(false);
    }
  });

  it('N working days before: exactly N working days from the due date to the opening (excluded)', () => {
    for (let i = 0; i < 400; i++) {
      const opening = addDays('2025-03-01', rand(640));
      const n = 1 + rand(15);
      const r = dueDateOf('documentsToDelegates', opening, withRule('documentsToDelegates', rule(n, 'working_days')), calSwap, known)!;
      expect(calSwap.isWorkingDay(r.due)).toBe(true);
      // Working days in [due, opening): the due date itself plus those after it, before the opening.
      let count = 0;
      for (let d = r.due; d < opening; d = addDays(d, 1)) if (calSwap.isWorkingDay(d)) count++;
      expect(count).toBe(n);
    }
  });
});

describe('dueDateOf: a count after the opening that runs into an uncovered year', () => {
  it('opening 28/12/2026, 10 days after → 07/01/2027: refused while 2027 is not in the table', () => {
    const p = withRule('responseReport', rule(10, 'days', 'after'));
    const e = ruleError(() => dueDateOf('responseReport', '2026-12-28', p, cal, { from: 2026, to: 2026 }));
    expect(e.message).toMatch(/^Chưa có lịch ngày nghỉ năm 2027: /);
    expect(dueDateOf('responseReport', '2026-12-28', p, cal, { from: 2026, to: 2027 })!.due).toBe('2027-01-07');
  });
});
