import { describe, expect, it } from 'vitest';
import { addDays, createWorkingCalendar, KNOWN_OVERRIDES } from '../calendar/index.ts';
import { DEFAULT_ESCALATION_LADDER, nextEscalation } from './escalation.ts';
import { obligationView, reminderDue, remindersByAgency } from './obligation.ts';
import type { Obligation } from './obligation.ts';

const cal = createWorkingCalendar(KNOWN_OVERRIDES);

function owed(over: Partial<Obligation> = {}): Obligation {
  return { kind: 'petition_answer', id: 'p1', agencyId: 'so-xd', originalDue: '2026-02-13', due: '2026-02-13', answeredOn: null, closedOn: null, reminders: [], ...over };
}

describe('obligation view: one shape for petitions, recommendations, commitments, letters', () => {
  it('counts days overdue in calendar days across Tết, and marks it long overdue after 30 days', () => {
    expect(obligationView(owed(), '2026-02-13', cal)).toMatchObject({ status: 'awaiting_answer', overdue: false, daysOverdue: 0, deadline: 'due_soon' });
    expect(obligationView(owed(), '2026-02-23', cal)).toMatchObject({ overdue: true, daysOverdue: 10, deadline: 'overdue', reminder: 'overdue' });
    expect(obligationView(owed(), '2026-03-16', cal)).toMatchObject({ daysOverdue: 31, deadline: 'long_overdue' });
  });

  it('an answer stops the clock at the answer day; a closure stops reminders', () => {
    const a = obligationView(owed({ answeredOn: '2026-02-16' }), '2026-03-30', cal);
    expect(a).toMatchObject({ status: 'answered', deadline: null, overdue: false, answeredLate: true, daysOverdue: 3, reminder: null });
    const c = obligationView(owed({ answeredOn: '2026-02-10', closedOn: '2026-02-20' }), '2026-03-30', cal);
    expect(c).toMatchObject({ status: 'closed', answeredLate: false, daysOverdue: 0, reminder: null });
    expect(obligationView(owed({ closedOn: '2026-02-20' }), '2026-03-30', cal).daysOverdue).toBe(7);
  });

  it('an extension moves the current due date but statistics keep the original one', () => {
    const v = obligationView(owed({ due: '2026-03-13' }), '2026-03-02', cal);
    expect(v).toMatchObject({ overdue: false, daysOverdue: 0, daysOverdueOriginal: 17, extended: true });
  });
});

describe('reminders', () => {
  const base = { due: '2026-02-27', answeredOn: null, calendar: cal, beforeWorkingDays: 3, repeatOverdueWorkingDays: 5, sent: [] };

  it('before the due date: once, on the first working day with at most N working days left; Tết days do not count', () => {
    expect(reminderDue({ ...base, today: '2026-02-13' })).toBeNull(); // 23, 24, 25, 26, 27 left: 5 > 3
    expect(reminderDue({ ...base, today: '2026-02-24' })).toBe('beforeDue'); // 25, 26, 27
    expect(reminderDue({ ...base, today: '2026-02-25', sent: [{ kind: 'beforeDue', due: '2026-02-27', on: '2026-02-24' }] })).toBeNull();
    expect(reminderDue({ ...base, today: '2026-02-21' })).toBeNull(); // a day off
  });

  it('after the due date: then every N working days; a new due date starts afresh; an answer stops them', () => {
    const sent = [{ kind: 'overdue' as const, due: '2026-02-27', on: '2026-03-02' }];
    expect(reminderDue({ ...base, today: '2026-03-02' })).toBe('overdue');
    expect(reminderDue({ ...base, today: '2026-03-06', sent })).toBeNull();
    expect(reminderDue({ ...base, today: '2026-03-09', sent })).toBe('overdue');
    expect(reminderDue({ ...base, today: '2026-03-09', sent, repeatOverdueWorkingDays: 0 })).toBeNull();
    expect(reminderDue({ ...base, due: '2026-03-05', today: '2026-03-06', sent })).toBe('overdue');
    expect(reminderDue({ ...base, today: '2026-03-09', answeredOn: '2026-03-03' })).toBeNull();
  });

  it('property: over 2026, at most one before-due reminder per due date and never on a day off', () => {
    for (let due = '2026-01-05'; due <= '2026-12-20'; due = addDays(due, 3)) {
      const sent: { kind: 'beforeDue' | 'overdue'; due: string; on: string }[] = [];
      for (let t = addDays(due, -20); t <= addDays(due, 20); t = addDays(t, 1)) {
        const r = reminderDue({ ...base, due, today: t, sent });
        if (r !== null) {
          expect(cal.isWorkingDay(t)).toBe(true);
          expect(r === 'overdue').toBe(t > due);
          sent.push({ kind: r, due, on: t });
        }
      }
      expect(sent.filter((s) => s.kind === 'beforeDue').length).toBe(1);
      expect(sent.filter((s) => s.kind === 'overdue').length).toBeGreaterThanOrEqual(2);
    }
  });

  it('one letter per agency lists all its items, whatever their source', () => {
    const items = [
      owed(),
      owed({ id: 'r1', kind: 'recommendation' }),
      owed({ id: 'x', agencyId: 'so-gt' }),
      owed({ id: 'done', answeredOn: '2026-02-10' }),
      owed({ id: 'c1', kind: 'commitment', agencyId: 'so-gt', due: '2026-12-31', originalDue: '2026-12-31' }),
    ];
    const letters = remindersByAgency(items, '2026-03-02', cal);
    expect(letters.map((l) => [l.agencyId, l.items.map((i) => [i.obligation.id, i.reminder, i.daysOverdue])])).toEqual([
      ['so-xd', [['p1', 'overdue', 17], ['r1', 'overdue', 17]]],
      ['so-gt', [['x', 'overdue', 17]]],
    ]);
  });
});

describe('escalation ladder', () => {
  it('goes step by step, each after its wait, and ends', () => {
    const due = '2026-03-31';
    expect(nextEscalation(DEFAULT_ESCALATION_LADDER, [], due, '2026-03-31')).toMatchObject({ index: 0, step: { kind: 'reminder' }, from: '2026-04-01', ready: false });
    expect(nextEscalation(DEFAULT_ESCALATION_LADDER, [], due, '2026-04-01')!.ready).toBe(true);
    const taken = [{ kind: 'reminder' as const, on: '2026-04-01' }];
    expect(nextEscalation(DEFAULT_ESCALATION_LADDER, taken, due, '2026-04-10')).toMatchObject({ index: 1, step: { kind: 'reminder' }, from: '2026-04-16', ready: false });
  });

  it('a council that went straight to a hearing continues after the hearing', () => {
    const n = nextEscalation(DEFAULT_ESCALATION_LADDER, [{ kind: 'hearing', on: '2026-05-05' }], '2026-03-31', '2026-05-06');
    expect(n).toMatchObject({ step: { kind: 'interpellation' }, from: '2026-06-04' });
    const all = DEFAULT_ESCALATION_LADDER.map((s, i) => ({ kind: s.kind, on: addDays('2026-04-01', i) }));
    expect(nextEscalation(DEFAULT_ESCALATION_LADDER, all, '2026-03-31', '2026-12-01')).toBeNull();
  });
});
