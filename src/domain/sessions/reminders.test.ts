import { describe, expect, it } from 'vitest';
import { createWorkingCalendar, KNOWN_OVERRIDES } from '../calendar/index.ts';
import { reminderDue, reminderText } from './reminders.ts';
import type { SentReminder } from './reminders.ts';

const calendar = createWorkingCalendar(KNOWN_OVERRIDES);
const due = '2026-02-24'; // Tuesday after Tết
const at = (today: string, sent: SentReminder[] = [], receivedOn: string | null = null, repeat = 0) =>
  reminderDue({ due, receivedOn, today, calendar, beforeWorkingDays: 3, repeatOverdueWorkingDays: repeat, sent });

describe('reminderDue', () => {
  it('before the due date: from the first working day with ≤ 3 working days left, once', () => {
    // Working days left after Thu 12/02: 13/02, 23/02, 24/02 = 3.
    expect(at('2026-02-11')).toBeNull(); // 4 left
    expect(at('2026-02-12')).toBe('beforeDue');
    expect(at('2026-02-13', [{ kind: 'beforeDue', due, on: '2026-02-12' }])).toBeNull();
  });

  it('never on a day off: a run during Tết sends nothing, the next working day catches up', () => {
    expect(at('2026-02-17')).toBeNull();
    expect(at('2026-02-23')).toBe('beforeDue');
  });

  it('after the due date: once, or every N working days while nothing arrives', () => {
    expect(at('2026-02-24')).toBe('beforeDue'); // the due date itself is still "before"
    expect(at('2026-02-25', [{ kind: 'beforeDue', due, on: '2026-02-12' }])).toBe('overdue');
    const sent: SentReminder[] = [{ kind: 'overdue', due, on: '2026-02-25' }];
    expect(at('2026-03-04', sent)).toBeNull();
    // Repeat every 5 working days: 26, 27, 02/03, 03/03, 04/03 → due again on 04/03.
    expect(at('2026-03-03', sent, null, 5)).toBeNull();
    expect(at('2026-03-04', sent, null, 5)).toBe('overdue');
  });

  it('nothing once the document is received, or without a due date', () => {
    expect(at('2026-02-12', [], '2026-02-10')).toBeNull();
    expect(at('2026-03-04', [], '2026-03-01')).toBeNull();
    expect(reminderDue({ due: null, receivedOn: null, today: '2026-03-04', calendar, beforeWorkingDays: 3, sent: [] })).toBeNull();
  });

  it('a reminder sent for an earlier due date does not count after the date moved', () => {
    expect(at('2026-02-12', [{ kind: 'beforeDue', due: '2026-02-13', on: '2026-02-10' }])).toBe('beforeDue');
  });
});

describe('reminderText', () => {
  const x = { document: 'Tờ trình dự toán ngân sách năm 2027', session: 'Kỳ họp thứ 12', agency: 'Sở Tài chính', due: '2026-02-24', today: '2026-02-27' };

  it('before and after the due date, in Vietnamese', () => {
    expect(reminderText('beforeDue', x)).toEqual({
      subject: 'Nhắc hạn nộp: Tờ trình dự toán ngân sách năm 2027 (hạn ngày 24/02/2026)',
      body: 'Kính gửi Sở Tài chính,\nĐề nghị quý cơ quan gửi Tờ trình dự toán ngân sách năm 2027 phục vụ Kỳ họp thứ 12 chậm nhất ngày 24/02/2026.',
    });
    expect(reminderText('overdue', x).subject).toBe('Quá hạn 3 ngày: Tờ trình dự toán ngân sách năm 2027 (hạn ngày 24/02/2026)');
    expect(reminderText('overdue', x).body).toContain('đã quá hạn 3 ngày nhưng chưa nhận được');
  });
});
