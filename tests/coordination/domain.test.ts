// The coordination rules without I/O: the handling deadline on the working-day calendar (a
// weekend and Tết skipped), a periodic report's timing (the due date itself is on time), the
// invitation's steps and who is expected at the meeting, the report kinds in force on a date.
import { describe, expect, it } from 'vitest';
import { createWorkingCalendar } from '../../src/domain/calendar/index.ts';
import {
  defaultKindRows, handlingDue, incomingDeadline, invitationGoer, invitationTransition, kindsInForce, latenessByAgency, periodicReportDue, periodicTiming,
} from '../../src/domain/coordination/index.ts';

const calendar = createWorkingCalendar([]);

describe('coordination rules', () => {
  it('counts the handling deadline in working days from the day after assignment', () => {
    // Friday 27/11/2026 + 1 working day = Monday 30/11.
    expect(handlingDue('2026-11-27', { workingDays: 1 }, calendar)).toBe('2026-11-30');
    // Tết 2027 (6–10/02 off at least): 3 working days from Thursday 04/02/2027 land after the holiday.
    const afterTet = handlingDue('2027-02-04', { workingDays: 3 }, calendar)!;
    expect(afterTet > '2027-02-10').toBe(true);
    expect(handlingDue('2026-11-27', { due: '2026-12-01' }, calendar)).toBe('2026-12-01');
    expect(() => handlingDue('2026-11-27', { due: '2026-11-20' }, calendar)).toThrow('Hạn xử lý không được trước ngày giao.');
    expect(handlingDue('2026-11-27', {}, calendar)).toBeNull();
  });

  it('computes overdue only for open documents; a finished one may be late', () => {
    expect(incomingDeadline({ due: '2026-11-20', state: 'assigned', completedOn: null }, '2026-11-26', calendar)).toMatchObject({ status: 'overdue', daysOverdue: 6 });
    expect(incomingDeadline({ due: '2026-11-26', state: 'assigned', completedOn: null }, '2026-11-26', calendar)).toMatchObject({ status: 'due_soon', daysOverdue: 0 });
    expect(incomingDeadline({ due: '2026-11-20', state: 'replied', completedOn: '2026-11-22' }, '2026-11-26', calendar)).toEqual({ status: null, daysOverdue: 0, finishedLate: true });
  });

  it('times a periodic report: on the due date is on time, the day after is late', () => {
    expect(periodicTiming('2026-11-18', '2026-11-18', '2026-11-26')).toEqual({ timing: 'on_time', daysLate: 0 });
    expect(periodicTiming('2026-11-18', '2026-11-19', '2026-11-26')).toEqual({ timing: 'late', daysLate: 1 });
    expect(periodicTiming('2026-11-18', null, '2026-11-18')).toEqual({ timing: 'due_today', daysLate: 0 });
    expect(periodicTiming('2026-11-18', null, '2026-11-26')).toEqual({ timing: 'overdue', daysLate: 8 });
    expect(periodicTiming('2026-11-30', null, '2026-11-26')).toEqual({ timing: 'expected', daysLate: 0 });
    // 20 days before an opening on Tuesday 08/12/2026.
    expect(periodicReportDue('2026-12-08', { leadValue: 20, leadUnit: 'days' }, calendar)).toBe('2026-11-18');
    const by = latenessByAgency([
      { agencyId: 'a', agencyName: 'UBND', due: '2026-11-18', receivedOn: '2026-11-19' },
      { agencyId: 'a', agencyName: 'UBND', due: '2026-11-18', receivedOn: null },
      { agencyId: 'b', agencyName: 'TAND', due: '2026-11-18', receivedOn: '2026-11-17' },
    ], '2026-11-26');
    expect(by).toEqual([
      { agencyId: 'a', agencyName: 'UBND', total: 2, onTime: 0, late: 1, overdue: 1, pending: 0 },
      { agencyId: 'b', agencyName: 'TAND', total: 1, onTime: 1, late: 0, overdue: 0, pending: 0 },
    ]);
  });

  it('steps an invitation and knows who is expected', () => {
    expect(invitationTransition('received', 'delegate')).toBe('delegated');
    expect(() => invitationTransition('received', 'attended')).toThrow(/Giấy mời đang ở trạng thái/);
    expect(() => invitationTransition('attended', 'decline')).toThrow();
    expect(invitationGoer({ state: 'accepted', inviteeUserId: 'u1', attendeeUserId: null })).toBe('u1');
    expect(invitationGoer({ state: 'delegated', inviteeUserId: 'u1', attendeeUserId: 'u2' })).toBe('u2');
    expect(invitationGoer({ state: 'declined', inviteeUserId: 'u1', attendeeUserId: null })).toBeNull();
  });

  it('ships the legacy list until 01/07/2025 and a configurable default after', () => {
    const rows = defaultKindRows();
    expect(kindsInForce(rows, '2025-06-30').map((k) => k.ruleSetKey)).toEqual(Array(10).fill('reports-2015'));
    expect(kindsInForce(rows, '2025-07-01').every((k) => k.ruleSetKey === 'reports-2025' && !k.verified)).toBe(true);
    expect(kindsInForce(rows, '2025-07-01')).toHaveLength(10);
  });
});
